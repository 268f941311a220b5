import parindex
import pytest

DISTRICTS = ["bac-son.json", "huu-lung.invented.json", "chi-lang.invented.json", "dinh-lap.invented.json"]


def cards(root, framework):
    return [parindex.evaluate(framework, parindex.Assessment.load(str(root / "examples/langson-2023" / f)))
            for f in DISTRICTS]


def test_rank_with_ties_and_groups(root, framework):
    ranking = parindex.rank(cards(root, framework), groups="national")
    frame = ranking.to_frame()
    assert list(frame["unit"]) == ["huu-lung", "bac-son", "chi-lang", "dinh-lap"]
    assert list(frame["label"]) == ["01/04", "02/04", "03/04", "03/04"]
    assert list(frame["group"]) == ["A", "B", "B", "B"]
    assert repr(ranking.units[1]) == "<RankedUnit 02/04 bac-son 85.30% B>"


def test_rank_custom_thresholds_and_quartiles(root, framework):
    ranking = parindex.rank(cards(root, framework), groups={"Tốt": 90, "Khá": 85})
    assert [u.group for u in ranking.units] == ["Tốt", "Khá", "", ""]
    q = parindex.rank(cards(root, framework), groups="quartiles")
    assert q.units[0].group == "highest"
    assert q.units[-1].group == "low-average"  # the tie sits at the lower quartile


def test_rank_refuses_bad_grouping(root, framework):
    import pytest

    with pytest.raises(parindex.ArgumentError, match="unknown grouping"):
        parindex.rank(cards(root, framework), groups="deciles")


def test_gaps(bac_son):
    table = parindex.gaps(bac_son)
    frame = table.to_frame()
    assert list(frame["code"][:3]) == ["4.2", "9", "6.1.4"]
    assert round(frame["lost"].sum(), 2) == 14.63
    assert frame.loc[frame["code"] == "4.2", "lead_agency"].item() == "Phòng Nội vụ"
    fields = table.fields_frame()
    assert list(fields["field"]) == ["6", "7", "8", "4", "9", "1", "3"]
    assert repr(table) == "<GapTable bac-son 2023: 14.63 points lost in 19 criteria>"


def test_shipped_data_dir():
    assert (parindex.data_dir() / "frameworks" / "langson-district-2023.json").is_file()


def test_compare_two_units(framework, root):
    import parindex

    bac_son = parindex.evaluate(framework, parindex.Assessment.load(str(root / "examples/langson-2023/bac-son.json")))
    chi_lang = parindex.evaluate(framework, parindex.Assessment.load(str(root / "examples/langson-2023/chi-lang.invented.json")))
    c = parindex.compare(bac_son, chi_lang)
    frame = c.to_frame()
    assert len(frame) == len(bac_son.lines) and not c.only_before and not c.only_after
    row = frame[frame["code_after"] == "3.5.3"].iloc[0]
    assert row["change"] == pytest.approx(row["achieved_after"] - row["achieved_before"])
    assert c.total_before == bac_son.total and c.total_after == chi_lang.total
    with pytest.raises(parindex.ArgumentError, match="two criteria before"):
        parindex.compare(bac_son, chi_lang, {"3.5.3": "9"})
