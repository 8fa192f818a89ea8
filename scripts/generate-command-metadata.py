#!/usr/bin/env python3
"""Generates Redis.Application/Routing/Metadata/commands.json from Redis 7.0.15's src/commands/*.json.

Usage:
    scripts/generate-command-metadata.py [redis-commands-dir]

Without an argument it reads the files of the tag 7.0.15 from a Redis git repository named by $REDIS_GIT_DIR
(default /work/.mirror/redis+redis/repo). The output is one compact JSON array, one object per command, subcommands
nested in their container, normalised as Redis's own utils/generate-command-code.py normalises them when it writes
commands.c: argument names lower case, tokens upper case, tips lower case, "sorted_set" spelled "sorted-set" as
COMMAND_GROUP_STR does, empty strings dropped (the generator writes NULL for them), the C function names left out.
Everything Redis derives at run time (implicit ACL categories, the legacy first/last/step, movablekeys) is left to the
server, which derives it as server.c does.
"""
import json
import os
import subprocess
import sys

TAG = "7.0.15"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Redis.Application", "Routing", "Metadata",
                   "commands.json")

# COMMAND_GROUP_STR in server.c, indexed by the JSON's group names.
GROUPS = {"sorted_set": "sorted-set"}


def load_files():
    if len(sys.argv) > 1:
        folder = sys.argv[1]
        for name in sorted(os.listdir(folder)):
            if name.endswith(".json"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    yield json.load(f)
        return
    git_dir = os.environ.get("REDIS_GIT_DIR", "/work/.mirror/redis+redis/repo")
    names = subprocess.check_output(["git", "--git-dir", git_dir, "ls-tree", "--name-only", TAG + ":src/commands/"],
                                    text=True).split()
    for name in sorted(names):
        if name.endswith(".json"):
            text = subprocess.check_output(["git", "--git-dir", git_dir, "show", f"{TAG}:src/commands/{name}"])
            yield json.loads(text)


def optional(target, desc, field, transform=lambda v: v):
    value = desc.get(field)
    if value:
        target[field] = transform(value)


def argument(desc):
    arg = {"name": desc["name"].lower(), "type": desc["type"]}
    if "key_spec_index" in desc:
        arg["key_spec_index"] = desc["key_spec_index"]
    optional(arg, desc, "token", str.upper)
    optional(arg, desc, "summary")
    optional(arg, desc, "since")
    optional(arg, desc, "deprecated_since")
    flags = [flag for flag in ("optional", "multiple", "multiple_token") if desc.get(flag)]
    if flags:
        arg["flags"] = flags
    if desc["type"] in ("oneof", "block"):
        arg["arguments"] = [argument(sub) for sub in desc["arguments"]]
    return arg


def command(name, desc):
    cmd = {"name": name.lower()}
    for field in ("summary", "since", "complexity"):
        optional(cmd, desc, field)
    cmd["group"] = GROUPS.get(desc["group"], desc["group"])
    for field in ("deprecated_since", "replaced_by"):
        optional(cmd, desc, field)
    if desc.get("doc_flags"):
        cmd["doc_flags"] = [flag.lower() for flag in desc["doc_flags"]]
    if desc.get("history"):
        cmd["history"] = desc["history"]
    cmd["arity"] = desc["arity"]
    if desc.get("command_flags"):
        cmd["command_flags"] = desc["command_flags"]
    if desc.get("acl_categories"):
        cmd["acl_categories"] = desc["acl_categories"]
    if desc.get("command_tips"):
        cmd["tips"] = [tip.lower() for tip in desc["command_tips"]]
    if desc.get("key_specs"):
        cmd["key_specs"] = desc["key_specs"]
    if desc.get("arguments"):
        cmd["arguments"] = [argument(arg) for arg in desc["arguments"]]
    return cmd


def main():
    containers, subcommands = {}, {}
    for document in load_files():
        for name, desc in document.items():
            if desc.get("container"):
                subcommands.setdefault(desc["container"].lower(), []).append(
                    command(desc["container"] + "|" + name, desc))
            else:
                containers[name.lower()] = command(name, desc)
    for container, subs in subcommands.items():
        parent = containers[container]
        for sub in subs:
            sub["group"] = parent["group"]
        parent["subcommands"] = sorted(subs, key=lambda s: s["name"])
    commands = [containers[name] for name in sorted(containers)]
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(cmd, ensure_ascii=False, separators=(",", ":")) for cmd in commands))
        f.write("\n]\n")
    print(f"{len(commands)} commands, {sum(len(s) for s in subcommands.values())} subcommands -> {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
