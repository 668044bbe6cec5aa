# Unambiguous for readers abroad: 12 Oct 2021, 07:00 18 Oct 2021
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "H:i j M Y"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
# Typed and shown by the admin's date pickers: ISO, never the ambiguous 10/12/2021.
DATE_INPUT_FORMATS = ["%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
