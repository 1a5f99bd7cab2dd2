from . import test_directory, test_directory_fuzz, test_i18n
