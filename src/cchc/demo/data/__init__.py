"""Reference data of the demo province (JSON), and the script that writes it (``build_demo_data``)."""
