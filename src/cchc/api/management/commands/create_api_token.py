"""cchc create_api_token USERNAME NAME — issue an API token for an official's system; shown once."""
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cchc.api.models import ApiToken


class Command(BaseCommand):
    help = "Cấp khóa API cho một hệ thống, gắn với tài khoản USERNAME; khóa chỉ hiển thị một lần."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("name", help="tên hệ thống dùng khóa, ví dụ “Cổng DVC quốc gia”")

    def handle(self, username, name, **opts):
        user = get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: username}).first()
        if user is None or not user.is_active:
            raise CommandError(f"Không có tài khoản đang hoạt động “{username}”.")
        token, raw = ApiToken.issue(user, name)
        # Only a digest is stored: this is the one chance to copy the token. stdout carries it
        # alone so scripts can capture it; the advice goes to stderr.
        self.stdout.write(raw)
        self.stderr.write(f"Đã cấp khóa “{token.name}” ({token.prefix}…) cho {username}. "
                          "Hãy lưu ngay: khóa sẽ không hiển thị lại.")
