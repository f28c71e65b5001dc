/*
 * CLibEdit: libedit's native histedit API for Swift.
 *
 * el_set / el_get / history are variadic, which Swift cannot call, so every operation
 * NewsQuery needs gets a small non-variadic static inline wrapper here (prefix `cel_`).
 *
 * Only <histedit.h> is included, by its plain name: pkg-config adds -I/usr/include/editline,
 * whose readline.h / history.h (readline-compat) would shadow other headers of those names,
 * so nothing here includes a header called readline.h or history.h.
 */
#ifndef NEWSQ_CLIBEDIT_SHIM_H
#define NEWSQ_CLIBEDIT_SHIM_H

#include <signal.h>
#include <stdio.h>
#include <sys/select.h>
#include <wchar.h>
#include <histedit.h>

/* Swift 6 rejects the C globals stdin/stdout/stderr (shared mutable state); read them here. */
static inline FILE *cel_stdin(void) { return stdin; }
static inline FILE *cel_stdout(void) { return stdout; }
static inline FILE *cel_stderr(void) { return stderr; }

/*
 * Waits until `fd` or `wake` is readable, with `mask` as the signal mask for the duration of
 * the wait (pselect swaps it atomically, so a signal unblocked by `mask` cannot slip in just
 * before the wait). `wake` is a self-pipe a signal handler writes to, which also catches a signal
 * delivered to another thread. Returns a bit set (1: fd readable, 2: wake readable), or -1 with
 * errno (EINTR when a signal arrived).
 */
static inline int cel_wait_readable(int fd, int wake, const sigset_t *mask) {
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(fd, &readable);
    if (wake >= 0) FD_SET(wake, &readable);
    int highest = wake > fd ? wake : fd;
    int ready = pselect(highest + 1, &readable, NULL, NULL, NULL, mask);
    if (ready < 0) return -1;
    return (FD_ISSET(fd, &readable) ? 1 : 0) | (wake >= 0 && FD_ISSET(wake, &readable) ? 2 : 0);
}

/* Callback types, named so Swift sees them as @convention(c) function types. */
typedef char *(*cel_prompt_fn)(EditLine *);
typedef unsigned char (*cel_command_fn)(EditLine *, int);
/* Reads one character: 1 on success, 0 at end of input, -1 on error (errno set, e.g. EINTR). */
typedef int (*cel_getc_fn)(EditLine *, wchar_t *);

/* ---- el_set / el_get ---------------------------------------------------- */

static inline int cel_set_prompt(EditLine *el, cel_prompt_fn fn) {
    return el_set(el, EL_PROMPT, fn);
}

static inline int cel_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *cel_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

/* "emacs" or "vi" */
static inline int cel_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

/* 0: libedit installs no signal handlers of its own (we handle SIGINT ourselves). */
static inline int cel_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

/* Replaces libedit's character reader (EL_GETCFN). */
static inline int cel_set_getcfn(EditLine *el, cel_getc_fn fn) {
    return el_set(el, EL_GETCFN, fn);
}

static inline int cel_set_hist(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

/* Registers an editor command `name` implemented by `fn` (returns a CC_* code). */
static inline int cel_addfn(EditLine *el, const char *name, const char *help, cel_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

/* Binds a key sequence (e.g. "^I") to a command name. */
static inline int cel_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, (const char *)NULL);
}

/* ---- history ------------------------------------------------------------ */

static inline int cel_history_setsize(History *h, HistEvent *ev, int size) {
    return history(h, ev, H_SETSIZE, size);
}

static inline int cel_history_getsize(History *h, HistEvent *ev) {
    return history(h, ev, H_GETSIZE);
}

static inline int cel_history_setunique(History *h, HistEvent *ev, int unique) {
    return history(h, ev, H_SETUNIQUE, unique);
}

static inline int cel_history_enter(History *h, HistEvent *ev, const char *line) {
    return history(h, ev, H_ENTER, line);
}

static inline int cel_history_load(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_LOAD, path);
}

static inline int cel_history_save(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_SAVE, path);
}

static inline int cel_history_save_fp(History *h, HistEvent *ev, FILE *fp) {
    return history(h, ev, H_SAVE_FP, fp);
}

static inline int cel_history_clear(History *h, HistEvent *ev) {
    return history(h, ev, H_CLEAR);
}

/* H_FIRST is the newest entry, H_NEXT moves to older ones; H_LAST / H_PREV go the other way. */
static inline int cel_history_first(History *h, HistEvent *ev) { return history(h, ev, H_FIRST); }
static inline int cel_history_next(History *h, HistEvent *ev) { return history(h, ev, H_NEXT); }
static inline int cel_history_last(History *h, HistEvent *ev) { return history(h, ev, H_LAST); }
static inline int cel_history_prev(History *h, HistEvent *ev) { return history(h, ev, H_PREV); }

#endif /* NEWSQ_CLIBEDIT_SHIM_H */
