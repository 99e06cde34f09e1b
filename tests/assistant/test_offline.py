"""The model loads and embeds with the network forbidden: nothing is fetched at run time."""
import subprocess
import sys

CODE = r"""
import socket
def refuse(*a, **k):
    raise OSError("network forbidden in this test")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
import numpy as np
from cchc.assistant import embedder
v = embedder.query("đăng ký khai sinh cho con")
p = embedder.passages(["Đăng ký khai sinh", "Cấp giấy phép xây dựng"])
assert v.shape == (384,) and p.shape == (2, 384)
assert p[0] @ v > p[1] @ v          # the right procedure is the closer one
# both placements of the tone mark ("hoà/hòa") give the model the same text
assert (embedder.query("hoà giải tranh chấp") == embedder.query("hòa giải tranh chấp")).all()
assert (embedder.passages(["Thuỷ lợi"]) == embedder.passages(["Thủy lợi"])).all()
print("ok", round(embedder.load_seconds, 3))
"""


def test_model_loads_and_embeds_offline():
    env = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PATH": "/usr/bin:/bin"}
    r = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("ok")
