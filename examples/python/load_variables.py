"""Read variables saved by compneuro-rx's saveVariables in Python (json + numpy only).

    from load_variables import load_variables
    d = load_variables(["recordings", "recording_times"], "run_and_monitor_simulations")

Format: <name>.json holds the value; arrays are {"__ndarray__": "arr_<k>"} references into
<name>.npz; NaN/inf are {"__float__": "nan"|"inf"|"-inf"}; SimInfo and RecordingTimes are dicts
with "__class__" and CompNeuroPy's field names; integer-like keys (spike ranks) become ints.
"""
import json
import os
import sys

import numpy as np


def load_variable(name, path="./"):
    npz_path = os.path.join(path, f"{name}.npz")
    arrays = dict(np.load(npz_path)) if os.path.exists(npz_path) else {}

    def hook(d):
        if "__ndarray__" in d:
            return arrays[d["__ndarray__"]]
        if "__float__" in d:
            return float(d["__float__"])
        return {int(k) if k.lstrip("-").isdigit() else k: v for k, v in d.items()}

    with open(os.path.join(path, f"{name}.json")) as f:
        return json.load(f, object_hook=hook)


def load_variables(name_list, path="./"):
    return {name: load_variable(name, path) for name in name_list}


if __name__ == "__main__":
    # python load_variables.py <folder> <name> ...: prints each value's repr (used by the tests)
    folder, names = sys.argv[1], sys.argv[2:]
    np.set_printoptions(precision=17)
    for name, value in load_variables(names, folder).items():
        print(f"{name}: {value!r}")
