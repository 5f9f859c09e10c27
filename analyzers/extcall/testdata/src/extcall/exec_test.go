package extcall

import (
	"context"
	"os/exec"
	"testing"
)

func TestClonesFromGitHub(t *testing.T) {
	dir := t.TempDir()
	exec.Command("git", "clone", "https://github.com/acme/widgets.git", dir).Run()                            // want `test runs git clone against external host github.com; use a repository made in t.TempDir \(git init\) or a fake`
	exec.Command("git", "-C", dir, "fetch", "git@gitlab.com:acme/widgets.git").Run()                          // want `test runs git fetch against external host gitlab.com`
	exec.CommandContext(context.Background(), "git", "ls-remote", "ssh://git@bitbucket.org/acme/w.git").Run() // want `test runs git ls-remote against external host bitbucket.org`
	exec.Command("curl", "-sSfL", "-o", dir+"/x.tgz", "https://dl.acme.io/x.tgz").Run()                       // want `test runs curl against external host dl.acme.io; serve it from httptest.NewServer or a fake`
	exec.Command("ssh", "-i", "id_test", "deploy@build.acme.io", "uptime").Run()                              // want `test runs ssh against external host build.acme.io`
	exec.Command("sh", "-c", "wget -q https://dl.acme.io/x.tgz").Run()                                        // want `test runs wget against external host dl.acme.io`
	gitClone(t, "https://github.com/acme/widgets.git", dir)                                                   // want `test runs git clone against external host github.com via gitClone`
}

func gitClone(t *testing.T, url, dir string) { // want gitClone:`dials \{1\} \{2\}`
	t.Helper()
	if err := exec.Command("git", "clone", "--depth=1", url, dir).Run(); err != nil {
		t.Fatal(err)
	}
}

func TestLocalSubprocesses(t *testing.T) {
	dir := t.TempDir()
	exec.Command("git", "init", dir).Run()
	exec.Command("git", "clone", dir, dir+"/copy").Run()
	exec.Command("git", "clone", "file:///srv/repos/widgets.git", dir+"/c2").Run()
	exec.Command("git", "-C", dir, "commit", "-m", "https://github.com/acme/widgets/issues/1").Run()
	exec.Command("git", "clone", "https://git.example.com/acme/widgets.git", dir+"/c3").Run()
	exec.Command("curl", "-s", "http://127.0.0.1:8080/health").Run()
	exec.Command("ssh", "-o", "StrictHostKeyChecking=no", "git@localhost", "true").Run()
	exec.Command("scp", "notes.txt", dir+"/notes.txt").Run()
	exec.Command("echo", "https://github.com/acme/widgets.git").Run()
	exec.Command("go", "get", "github.com/acme/widgets@v1.2.3").Run()
	gitClone(t, dir, dir+"/c4")
}
