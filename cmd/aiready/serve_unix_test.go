//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeInterrupt stops serve as a consultant does, with Ctrl-C (SIGINT),
// and checks that it exits cleanly and removes its temporary folder.
func TestServeInterrupt(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dir := writeProject(t, "Interrupted")
	out, errb := &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	go func() { done <- run([]string{"serve", "-q", dir}, nil, out, errb) }()
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(out.String(), "serving http://127.0.0.1:") {
		select {
		case code := <-done:
			t.Fatalf("serve exited %d: %s", code, errb.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("serve did not start")
		}
		time.Sleep(20 * time.Millisecond)
	}
	folders, _ := filepath.Glob(filepath.Join(tmp, "aiready-serve-*"))
	if len(folders) != 1 {
		t.Fatalf("temporary folders: %v", folders)
	}
	if _, err := os.Stat(filepath.Join(folders[0], "out", "site", "index.html")); err != nil {
		t.Fatalf("no build in the temporary folder: %v", err)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d after SIGINT: %s", code, errb.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not stop on SIGINT")
	}
	if _, err := os.Stat(folders[0]); !os.IsNotExist(err) {
		t.Errorf("temporary folder left behind after SIGINT: %v", err)
	}
}
