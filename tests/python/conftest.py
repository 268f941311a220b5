import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def root() -> pathlib.Path:
    return ROOT


@pytest.fixture
def framework():
    import parindex

    return parindex.Framework.load(str(ROOT / "data/frameworks/langson-district-2023.json"))


@pytest.fixture
def bac_son(framework):
    import parindex

    return parindex.evaluate(framework, parindex.Assessment.load(str(ROOT / "examples/langson-2023/bac-son.json")))
