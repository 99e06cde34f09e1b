from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "cchc.catalog"
    verbose_name = "Danh mục thủ tục hành chính"
