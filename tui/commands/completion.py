"""``sidelight completion SHELL``: print a tab-completion script for bash, zsh or fish,
generated from the command line's own parser (subcommands, their options and choices; file
names where a command takes files).

    eval "$(sidelight completion bash)"          # in ~/.bashrc
    eval "$(sidelight completion zsh)"           # in ~/.zshrc
    sidelight completion fish | source           # in ~/.config/fish/config.fish
"""

from __future__ import annotations

import argparse
import shlex
import sys
from dataclasses import dataclass

SHELLS = ("bash", "zsh", "fish")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "completion",
        help="print a tab-completion script for bash, zsh or fish",
        description="Print a tab-completion script for bash, zsh or fish, made from the "
        "command line itself; see the README for where to put it.",
    )
    parser.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    parser.set_defaults(func=run)


@dataclass(frozen=True, slots=True)
class Option:
    flags: tuple[str, ...]
    help: str
    choices: tuple[str, ...]
    takes_value: bool


def options_of(parser: argparse.ArgumentParser) -> list[Option]:
    out = []
    for action in parser._actions:
        if not action.option_strings:
            continue
        out.append(Option(tuple(action.option_strings), (action.help or "").replace("%%", "%"),
                          tuple(str(c) for c in action.choices or ()),
                          action.nargs != 0))
    return out


def commands_of(parser: argparse.ArgumentParser) -> dict[str, tuple[str, list[Option]]]:
    """Each subcommand: its one-line help and its options."""
    out: dict[str, tuple[str, list[Option]]] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {c.dest: c.help or "" for c in action._choices_actions}
            for name, sub in action.choices.items():
                out[name] = (helps.get(name, ""), options_of(sub))
    return out


def bash_script(reader: list[Option], commands: dict[str, tuple[str, list[Option]]]) -> str:
    def words(opts: list[Option]) -> str:
        return " ".join(f for o in opts for f in o.flags)

    cases = []
    for name, (_, opts) in commands.items():
        choice_cases = "".join(
            f"        {'|'.join(o.flags)}) COMPREPLY=($(compgen -W "
            f"{shlex.quote(' '.join(o.choices))} -- \"$cur\")); return;;\n"
            for o in opts if o.choices)
        cases.append(f"    {name})\n      case \"$prev\" in\n{choice_cases}"
                     f"      esac\n      opts={shlex.quote(words(opts))};;\n")
    names = " ".join(commands)
    return f"""# sidelight tab completion (bash; zsh loads it through bashcompinit)
_sidelight() {{
  local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}" sub="" w opts
  for w in "${{COMP_WORDS[@]:1:COMP_CWORD-1}}"; do
    case "$w" in {'|'.join(commands)}) sub="$w"; break;; esac
  done
  case "$sub" in
{''.join(cases)}    *) opts={shlex.quote(words(reader))};;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [[ -z "$sub" ]]; then
    COMPREPLY=($(compgen -W {shlex.quote(names)} -- "$cur") $(compgen -f -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}}
complete -o filenames -F _sidelight sidelight
"""


def zsh_script(reader: list[Option], commands: dict[str, tuple[str, list[Option]]]) -> str:
    return ("# sidelight tab completion (zsh, through bash's completion functions)\n"
            "autoload -U +X compinit && compinit\n"
            "autoload -U +X bashcompinit && bashcompinit\n"
            + bash_script(reader, commands))


def fish_script(reader: list[Option], commands: dict[str, tuple[str, list[Option]]]) -> str:
    def line(condition: str, opt: Option) -> str:
        parts = ["complete -c sidelight", f"-n {shlex.quote(condition)}"]
        for flag in opt.flags:
            parts.append(f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}")
        if opt.choices:
            parts.append(f"-x -a {shlex.quote(' '.join(opt.choices))}")
        elif opt.takes_value:
            parts.append("-r")
        if opt.help:
            parts.append(f"-d {shlex.quote(opt.help.split('(')[0].strip()[:60])}")
        return " ".join(parts)

    out = ["# sidelight tab completion (fish)"]
    top = "not __fish_seen_subcommand_from " + " ".join(commands)
    for name, (help_text, _) in commands.items():
        out.append(f"complete -c sidelight -n {shlex.quote(top)} -a {name} "
                   f"-d {shlex.quote(help_text[:60])}")
    out.extend(line(top, o) for o in reader)
    for name, (_, opts) in commands.items():
        out.extend(line(f"__fish_seen_subcommand_from {name}", o) for o in opts)
    return "\n".join(out) + "\n"


def script(shell: str) -> str:
    from sidelight.tui.cli import build_parser
    from sidelight.tui.commands import read

    commands = commands_of(build_parser())
    reader = options_of(read.build_parser())
    return {"bash": bash_script, "zsh": zsh_script, "fish": fish_script}[shell](reader, commands)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(script(args.shell))
    return 0
