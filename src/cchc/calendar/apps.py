from django.apps import AppConfig


class CalendarConfig(AppConfig):
    name = "cchc.calendar"
    label = "workcalendar"  # "calendar" would shadow nothing, but a distinct label keeps table names clear
    verbose_name = "Lịch làm việc"
