# helper for errors/import_error_name.py
present = "present value"
