"""Periodic reports written as files: DOCX (python-docx, chart as a PNG image) and XLSX (openpyxl,
native Excel charts). Both take the report's figures (``plans.reports``), never query on their own."""
