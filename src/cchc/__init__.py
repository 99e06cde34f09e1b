"""cchc — nền tảng cải cách hành chính cấp tỉnh."""
