# SPDX-License-Identifier: GPL-2.0
"""Integration tests of --json and --timeline (run by run.py).

- Every line of varied traces (the corpus programs, real commands, -yy -v
  -s, -Y, hostile bytes, signals, threads, exits, a kill, a tiny -b, an ia32
  task, a container's cgroup) validates against docs/sysray-events.schema.json
  with a real validator (python3-jsonschema), and the validator rejects
  objects known to be wrong.
- Round trip: a recording replayed as text and as JSON; for each event the
  JSON rebuilds the same strace line (arguments' text joined with ", ", the
  return value's text), and the data agrees with the text: numbers, flag
  names, fds, addresses, and strings byte for byte (unescaped from strace's
  text, decoded from the JSON).
- A value is null only where the text shows none (NULL, ???, a return
  value of "?"): every decoder describes its values through the printer
  interface, so a decoder that writes text only fails the test, named by
  its row type in syscalls.def.
- An argument strace names in its text (clone's "child_stack=NULL") has
  that name in "name", and its value is what follows "name=".
- --timeline: the trace-event format (required fields, per-track order,
  nesting of slices, flows from fork to child, names) and its slices against
  the JSON Lines of the same run.
"""

import json_roundtrip
import json_schema
import json_timeline

TESTS = json_schema.TESTS + json_roundtrip.TESTS + json_timeline.TESTS  # in make test
# make test-json: the same checks over the whole corpus
FULL_TESTS = json_schema.FULL_TESTS + json_roundtrip.FULL_TESTS + json_timeline.FULL_TESTS
