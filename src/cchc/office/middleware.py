"""Language of the portal and the back office: Vietnamese unless the visitor chose otherwise.

Django's LocaleMiddleware also follows the browser's Accept-Language, so an English-language
browser would get English first. Vietnamese is the language of the administration (and of every
official form), so only an explicit choice — the language cookie that ``set_language`` writes —
switches to another language in settings.LANGUAGES.
"""
from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
