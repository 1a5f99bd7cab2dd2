from . import test_http_nul_path_404
