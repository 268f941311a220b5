"""help() that helps: every public class, function, method and property of parindex has a
docstring of its own (not only the signature pybind11 writes), and enumerations list their values."""

import inspect
import re

import parindex
import parindex.plot

SIGNATURE = re.compile(r"^(\d+\. )?\w*\(.*\)( -> .*)?$")


def documented(obj) -> bool:
    lines = [l.strip() for l in (getattr(obj, "__doc__", None) or "").splitlines()]
    return any(l and not SIGNATURE.match(l) and l != "Overloaded function." for l in lines)


def public_objects():
    for module in (parindex, parindex.plot):
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, str):
                continue
            yield f"{module.__name__}.{name}", obj
            if inspect.isclass(obj):
                for attr, value in vars(obj).items():
                    if not attr.startswith("_"):
                        yield f"{name}.{attr}", getattr(value, "__func__", value)


def test_everything_public_has_a_docstring():
    missing = [name for name, obj in public_objects() if not documented(obj)]
    assert missing == []


def test_enumerations_list_their_values():
    assert "appraised, rule, self_assessed, children or not_applicable" in parindex.ScoreLine.decided_by.__doc__
    assert "met, on_track, at_risk, missed or no_data" in parindex.TargetReview.status.__doc__
    assert "planned, in_progress, done or cancelled" in parindex.Action.status.__doc__
    assert "overdue" in parindex.ActionReview.state.__doc__ and "unresolved" in parindex.ActionReview.state.__doc__
    assert "national" in parindex.rank.__doc__ and "quartiles" in parindex.rank.__doc__
    assert "90" in parindex.rank.__doc__  # the national groups' thresholds


def test_from_dict_is_named_and_documented_as_itself():
    assert parindex.Assessment.from_dict.__name__ == "from_dict"
    assert parindex.Assessment.from_dict.__doc__.startswith("Builds an Assessment from a dict")
    assert parindex.Plan.from_dict.__doc__.startswith("Builds a Plan from a dict")


def test_evaluate_takes_none_for_no_dossier_log(framework, root):
    a = parindex.Assessment.load(root / "examples/langson-2023/bac-son.json")
    assert parindex.evaluate(framework, a, None).total == parindex.evaluate(framework, a).total


def test_pip_install_brings_pandas(root):
    import tomllib

    with open(root / "pyproject.toml", "rb") as f:
        project = tomllib.load(f)["project"]
    assert any(d.startswith("pandas") for d in project["dependencies"])
    assert {"nbclient", "ipykernel", "mypy"} <= {d.split(">")[0].split("=")[0] for d in
                                                 project["optional-dependencies"]["test"]}
