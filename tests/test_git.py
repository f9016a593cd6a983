"""leakstop.git: the index through one cat-file process, paths as git prints them."""
from __future__ import annotations

import os

import pytest

from e2e import git, init_repo
from leakstop import git as lgit
from leakstop.errors import FatalError


@pytest.fixture
def repo(tmp_path: object) -> str:
    return init_repo(os.path.join(str(tmp_path), 'repo'))


def write(repo: str, name: str, data: bytes) -> None:
    path = os.path.join(repo, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data)


def test_cat_file_reads_many_blobs_through_one_process(repo: str) -> None:
    blobs = {f'f{i}.txt': (f'content {i}\n' * i).encode() for i in range(50)}
    blobs['bin.dat'] = bytes(range(256)) * 10 + b'\n\n'
    for name, data in blobs.items():
        write(repo, name, data)
    git('add', '.', cwd=repo)
    entries = {e.path: e for e in lgit.index_entries(repo)}
    with lgit.CatFile(repo) as cat:
        pid = cat.proc.pid
        for name, data in blobs.items():
            assert cat.read(entries[name].sha) == data
        assert cat.read('0' * 40) is None  # missing: the process keeps answering
        assert cat.read(entries['f3.txt'].sha) == blobs['f3.txt']
        assert cat.proc.pid == pid
    assert cat.proc.returncode == 0


def test_cat_file_streams_and_pipelines(repo: str) -> None:
    blobs = {f'f{i}.txt': (f'content {i}\n' * (i * 1000)).encode() for i in range(1, 6)}
    for name, data in blobs.items():
        write(repo, name, data)
    git('add', '.', cwd=repo)
    shas = {e.path: e.sha for e in lgit.index_entries(repo)}
    with lgit.CatFile(repo) as cat:
        for name in blobs:
            cat.request(shas[name])
        cat.request('0' * 40)
        cat.send()
        first = cat.response(shas['f1.txt'])
        assert first is not None and first.size == len(blobs['f1.txt'])
        assert first.read(10) == blobs['f1.txt'][:10]  # the rest is skipped at the next response
        second = cat.response(shas['f2.txt'])
        assert second is not None and b''.join(iter(lambda: second.read(4096), b'')) == blobs['f2.txt']
        for name in ('f3.txt', 'f4.txt', 'f5.txt'):
            reader = cat.response(shas[name])
            assert reader is not None and reader.read() == blobs[name]
        assert cat.response('0' * 40) is None
        assert cat.read(shas['f1.txt']) == blobs['f1.txt']


def test_index_entries_skip_nothing_but_mark_links(repo: str) -> None:
    write(repo, 'a.txt', b'a\n')
    os.symlink('a.txt', os.path.join(repo, 'link'))
    git('add', '.', cwd=repo)
    git('update-index', '--add', '--cacheinfo', f'160000,{"1" * 40},sub', cwd=repo)
    entries = {e.path: e for e in lgit.index_entries(repo)}
    assert entries['a.txt'].scannable and entries['a.txt'].in_index
    assert not entries['link'].scannable
    assert not entries['sub'].scannable


def test_staged_entries_are_what_differs_from_head(repo: str) -> None:
    write(repo, 'kept.txt', b'1\n')
    write(repo, 'changed.txt', b'1\n')
    write(repo, 'deleted.txt', b'1\n')
    git('add', '.', cwd=repo)
    git('commit', '-qm', 'one', cwd=repo)
    write(repo, 'changed.txt', b'2\n')
    write(repo, 'new dir/new "file".txt', b'3\n')
    os.remove(os.path.join(repo, 'deleted.txt'))
    git('add', '-A', cwd=repo)
    write(repo, 'kept.txt', b'unstaged edit\n')
    staged = sorted(e.path for e in lgit.staged_entries(repo))
    assert staged == ['changed.txt', 'new dir/new "file".txt']


def test_staged_entries_before_the_first_commit(repo: str) -> None:
    write(repo, 'a.txt', b'a\n')
    git('add', '.', cwd=repo)
    assert [e.path for e in lgit.staged_entries(repo)] == ['a.txt']


def test_parse_ls_files_unmerged_paths_once_without_blob() -> None:
    out = (
        b'100644 ' + b'a' * 40 + b' 0\tok.txt\0'
        b'100644 ' + b'b' * 40 + b' 1\tconflict.txt\0'
        b'100644 ' + b'c' * 40 + b' 2\tconflict.txt\0'
        b'100644 ' + b'd' * 40 + b' 3\tconflict.txt\0'
    )
    entries = lgit.parse_ls_files(out)
    assert [(e.path, e.in_index) for e in entries] == [('ok.txt', True), ('conflict.txt', False)]


def test_parse_diff_raw() -> None:
    out = (
        b':000000 100644 ' + b'0' * 40 + b' ' + b'a' * 40 + b' A\0new.txt\0'
        b':100644 100755 ' + b'b' * 40 + b' ' + b'c' * 40 + b' M\0tab\there.txt\0'
        b':000000 000000 ' + b'0' * 40 + b' ' + b'0' * 40 + b' U\0both.txt\0'
    )
    entries = lgit.parse_diff_raw(out)
    assert [(e.path, e.mode, e.sha[:1], e.in_index) for e in entries] == [
        ('new.txt', '100644', 'a', True), ('tab\there.txt', '100755', 'c', True), ('both.txt', '000000', '0', False),
    ]


def test_toplevel_outside_a_repository(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv('GIT_CEILING_DIRECTORIES', str(tmp_path))
    with pytest.raises(FatalError, match='not in a git repository'):
        lgit.toplevel(str(tmp_path))


def test_verify_revisions(repo: str) -> None:
    write(repo, 'a.txt', b'a\n')
    git('add', '.', cwd=repo)
    git('commit', '-qm', 'one', cwd=repo)
    lgit.verify_revisions(['HEAD', 'HEAD..HEAD', 'main...HEAD'], top=repo)
    with pytest.raises(FatalError, match="unknown revision 'nope'"):
        lgit.verify_revisions(['HEAD..nope'], top=repo)


def test_log_command_pins_the_output_shape() -> None:
    cmd = lgit.log_command(['HEAD'])
    for option in ('--raw', '-z', '--no-renames', '-c', '--no-abbrev', '--no-notes'):
        assert option in cmd
    assert '-p' not in cmd and 'diff.relative=false' in cmd and 'log.showroot=true' in cmd
    assert '--no-replace-objects' in cmd and 'protocol.allow=never' in cmd
    assert cmd[-1] == '--'  # revisions are never taken as paths
    assert lgit.log_environment({'GIT_DIFF_OPTS': '-u9', 'HOME': '/h'}) == {
        'HOME': '/h', 'GIT_NO_LAZY_FETCH': '1', 'GIT_NO_REPLACE_OBJECTS': '1'}


def test_user_config_cannot_change_what_is_parsed(repo: str) -> None:
    for key, value in (('diff.noprefix', 'true'), ('color.ui', 'always'), ('diff.mnemonicPrefix', 'true'),
                       ('log.showRoot', 'false'), ('core.quotePath', 'true'), ('diff.relative', 'true'),
                       ('log.diffMerges', 'first-parent'), ('diff.renames', 'copies')):
        git('config', key, value, cwd=repo)
    write(repo, 'é.txt', b'one\ntwo\n')
    git('add', '.', cwd=repo)
    git('commit', '-qm', 'root commit', cwd=repo)
    ((commit, changes),) = list(lgit.history(['HEAD'], top=repo))
    assert commit.sha == git('rev-parse', 'HEAD', cwd=repo).stdout.strip()
    (change,) = changes
    assert (change.path, change.old) == ('é.txt', ())
    with lgit.CatFile(repo) as cat:
        assert cat.read(change.new) == b'one\ntwo\n'


def test_no_command_the_repository_names_runs(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """A checkout may come from anyone (an archive with its .git, a CI artifact): no setting of its
    .git/config that names a command makes git run it for leakstop, in any scope of any entry point."""
    from leakstop import cli
    from leakstop.hooks import block_credential_files, block_env_files, check_gitignore, scan_secrets
    top = str(tmp_path)
    repo = init_repo(os.path.join(top, 'repo'))
    marker = os.path.join(top, 'RAN')
    payload = os.path.join(top, 'payload.sh')
    with open(payload, 'w') as f:
        f.write(f'#!/bin/sh\necho "$0 $*" >> {marker}\ncat >/dev/null 2>&1\n')
    os.chmod(payload, 0o755)
    hooks = os.path.join(top, 'hooks')
    os.makedirs(hooks)
    for name in ('post-index-change', 'reference-transaction', 'pre-auto-gc', 'post-checkout'):
        os.symlink(payload, os.path.join(hooks, name))
    write(repo, '.gitattributes', b'* filter=trap diff=trap\n')
    write(repo, 'a.py', b'x = 1\n')
    git('add', '.', cwd=repo)
    git('commit', '-qm', 'init', cwd=repo)
    write(repo, 'b.py', b'y = 2\n')
    git('add', 'b.py', cwd=repo)
    write(repo, 'c.py', b'z = 3\n')  # untracked: `scan .` asks git what it would track
    for key, value in (
            ('core.fsmonitor', payload), ('core.hooksPath', hooks), ('core.pager', payload), ('pager.log', payload),
            ('diff.external', payload), ('diff.trap.command', payload), ('diff.trap.textconv', payload),
            ('filter.trap.clean', payload), ('filter.trap.smudge', payload), ('filter.trap.process', payload),
            ('core.sshCommand', payload), ('core.gitProxy', payload), ('credential.helper', f'!{payload}'),
            ('gpg.program', payload), ('log.showSignature', 'true'), ('core.askPass', payload)):
        git('config', key, value, cwd=repo)
    monkeypatch.chdir(repo)
    monkeypatch.delenv('GITHUB_ACTIONS', raising=False)
    for argv in (['scan'], ['scan', '--staged'], ['scan', '--all'], ['scan', '--history'], ['scan', '.'],
                 ['baseline', 'create']):
        assert cli.main(argv) == 0, argv
        assert not os.path.exists(marker), (argv, open(marker).read())
    for hook in (scan_secrets, block_credential_files, block_env_files):
        assert hook.main(['a.py', 'b.py']) == 0
    check_gitignore.main(['a.py'])
    assert not os.path.exists(marker), open(marker).read()
