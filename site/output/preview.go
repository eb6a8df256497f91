package output

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
)

// serveMarker marks serve's preview folder as aiready's, for the next run
// to remove should this serve be killed (SIGKILL leaves no time to).
const serveMarker = ".aiready-output"

func serveMarkerText(pid int, token string) string {
	return "This folder was made by aiready serve, process " + strconv.Itoa(pid) + ", build " + token +
		", for its preview; it is removed when serve stops, or by the next aiready run if serve was killed.\n"
}

// servePattern matches serve's preview folders: aiready-serve-PID-TOKEN.
var servePattern = regexp.MustCompile(`^aiready-serve-([1-9][0-9]{0,9})-([0-9a-f]{16})$`)

// PreviewFolder makes serve's private preview folder in the system's
// temporary folder, named by the process and a token that its marker
// repeats; it first removes what killed serves left.
func PreviewFolder() (string, error) {
	removeDeadServeFoldersOnce()
	token := newToken()
	root := filepath.Join(os.TempDir(), "aiready-serve-"+strconv.Itoa(os.Getpid())+"-"+token)
	if err := os.Mkdir(root, 0o700); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(root, serveMarker), []byte(serveMarkerText(os.Getpid(), token)), 0o600); err != nil {
		os.Remove(root)
		return "", err
	}
	return root, nil
}

// removeDeadServeFolders removes the preview folders of serve processes
// that were killed: only a folder whose name has serve's pattern, whose
// process is gone, and whose marker names that process and token. They
// hold a whole report, comments included, which must not outlive serve.
func removeDeadServeFolders() {
	dir := os.TempDir()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		g := servePattern.FindStringSubmatch(e.Name())
		if g == nil || !e.IsDir() {
			continue
		}
		pid, _ := strconv.Atoi(g[1])
		if pid == os.Getpid() || processAlive(pid) {
			continue
		}
		root := filepath.Join(dir, e.Name())
		b, err := os.ReadFile(filepath.Join(root, serveMarker))
		if err != nil || string(b) != serveMarkerText(pid, g[2]) {
			continue
		}
		RemoveOurs(root)
	}
}
