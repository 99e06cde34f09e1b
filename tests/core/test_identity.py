"""Identity numbers at the boundary: which spellings are accepted for each kind of applicant."""
import pytest

from cchc.core import identity
from cchc.core.errors import ValidationFailed


@pytest.mark.parametrize("number, organisation, stored, masked", [
    ("079123456789", False, "079123456789", "*********789"),    # CCCD, 12 digits
    ("079 123 456 789", False, "079123456789", "*********789"),  # spaces as people type them
    ("123456789", False, "123456789", "******789"),              # old CMND, 9 digits
    ("0101234567", True, "0101234567", "*******567"),            # enterprise code, 10 digits
    ("0101234567-001", True, "0101234567-001", "***********001"),  # a branch, 13 digits
])
def test_accepted_numbers(number, organisation, stored, masked):
    encrypted, digest, shown = identity.protect(number, organisation=organisation)
    assert identity.reveal(encrypted) == stored and shown == masked
    assert digest == identity.digest(stored, organisation=organisation) and stored not in digest


@pytest.mark.parametrize("number, organisation, code", [
    ("07912345678", False, "so_dinh_danh_khong_hop_le"),     # 11 digits
    ("0101234567", False, "so_dinh_danh_khong_hop_le"),      # a tax code is not a person's number
    ("079123456789", True, "ma_so_doanh_nghiep_khong_hop_le"),  # nor the reverse
    ("0101234567-01", True, "ma_so_doanh_nghiep_khong_hop_le"),
    ("01012345A7", True, "ma_so_doanh_nghiep_khong_hop_le"),
])
def test_refused_numbers(number, organisation, code):
    with pytest.raises(ValidationFailed) as e:
        identity.protect(number, organisation=organisation)
    assert e.value.code == code and e.value.details == {"field": "applicant_id_number"}
