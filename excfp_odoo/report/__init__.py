from . import excfp_coverage_report
