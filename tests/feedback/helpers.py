from cchc.feedback import services as s


def submit(w=None, *, content="Thủ tục đăng ký khai sinh yêu cầu bản sao có chứng thực là không cần thiết.",
           channel="portal", name="Nguyễn Thị Hoa", phone="0905123456", email="", ip="203.0.113.7", **kw):
    return s.submit(actor=kw.pop("actor", None), channel=channel, content=content,
                    sender=s.Sender(name=name, phone=phone, email=email), source_ip=ip, **kw)
