from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "cchc.feedback"
    verbose_name = "Phản ánh, kiến nghị"

    def ready(self):
        # registers feedback_on_time & co.; after measures (INSTALLED_APPS order), so it replaces
        # the measures app's "not measurable yet" placeholder of feedback_on_time
        from . import measurements  # noqa: F401
