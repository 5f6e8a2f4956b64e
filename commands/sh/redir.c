/* redir.c — redirections applied to this shell's own fds, with the previous fds saved (cloexec,
 * numbered >= 10) so that they can be restored after a builtin, function or spawn. */
#include "sh.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "se.h"

static void save_fd(RedirSave *s, int fd) {
    for (int i = 0; i < s->n; i++)
        if (s->fds[i].fd == fd) return;
    if (s->n >= 32) return;
    int saved = se_dup_min(fd, 10, 1);
    s->fds[s->n].fd = fd;
    s->fds[s->n].saved = saved; /* -1: was closed */
    s->n++;
}

void redir_restore(RedirSave *s) {
    for (int i = s->n - 1; i >= 0; i--) {
        if (s->fds[i].saved >= 0) {
            se_dup2(s->fds[i].saved, s->fds[i].fd);
            close(s->fds[i].saved);
        } else
            close(s->fds[i].fd);
    }
    s->n = 0;
}

static const char *open_err(int e, int creating) {
    if (e == ENOENT) return creating ? "Directory nonexistent" : "No such file";
    return strerror(e);
}

/* a readable fd holding the (expanded) here-document body */
int heredoc_fd(Redir *r) {
    char *body = r->hd_quoted ? xstrdup(r->body) : expand_str(r->body, EX_HEREDOC | EX_NOTILDE);
    if (!body) return -1;
    int p[2];
    if (se_pipe_cloexec(p) < 0) {
        free(body);
        return -1;
    }
    size_t n = strlen(body);
    if (n < 65536) {
        xwrite(p[1], body, n);
    } else {
        /* too big for the pipe buffer: a child sh writes it while we go on */
        Str code = {0};
        char *q = shell_quote(body);
        str_adds(&code, "printf %s ");
        str_adds(&code, q);
        free(q);
        int map[2] = {1, p[1]};
        int pid;
        if (spawn_child_sh(code.s, lineno, map, 1, &pid) == 0) job_add(-pid);
        free(code.s);
    }
    close(p[1]);
    free(body);
    return p[0];
}

int redir_apply(Redir *r, RedirSave *s) {
    for (; r; r = r->next) {
        int fd = r->fd, nfd = -1;
        if (r->type == R_HEREDOC) {
            nfd = heredoc_fd(r);
            if (nfd < 0) return -1;
        } else {
            char *w = expand_str(r->word, 0);
            if (!w) return -1;
            if (r->type == R_DUPIN || r->type == R_DUPOUT) {
                if (!strcmp(w, "-")) {
                    save_fd(s, fd);
                    close(fd);
                    free(w);
                    continue;
                }
                char *e;
                long long src = strtoll(w, &e, 10);
                if (!*w || *e || src < 0) {
                    sh_error("Syntax error: Bad fd number");
                    free(w);
                    return -1;
                }
                if (src != fd) {
                    if (se_get_cloexec((int)src) < 0 || (src >= 10 && se_get_cloexec((int)src) == 1)) {
                        sh_error("%lld: Bad file descriptor", src);
                        free(w);
                        return -1;
                    }
                    save_fd(s, fd);
                    se_dup2((int)src, fd);
                }
                free(w);
                continue;
            }
            int flags = 0, creating = 1;
            switch (r->type) {
            case R_IN: flags = O_RDONLY; creating = 0; break;
            case R_OUT:
                flags = O_WRONLY | O_CREAT | O_TRUNC;
                if (opts[O_NOCLOBBER]) {
                    se_stat_t st;
                    if (se_stat(w, &st) == 0 && (st.mode & 0170000) == 0100000) {
                        sh_error("cannot create %s: File exists", w);
                        free(w);
                        return -1;
                    }
                }
                break;
            case R_CLOBBER: flags = O_WRONLY | O_CREAT | O_TRUNC; break;
            case R_APPEND: flags = O_WRONLY | O_CREAT | O_APPEND; break;
            case R_RDWR: flags = O_RDWR | O_CREAT; break;
            }
            save_fd(s, fd);
            do nfd = open(w, flags | O_CLOEXEC, 0666);
            while (nfd < 0 && errno == EINTR);
            if (nfd < 0) {
                sh_error("cannot %s %s: %s", creating ? "create" : "open", w, open_err(errno, creating));
                free(w);
                return -1;
            }
            free(w);
        }
        save_fd(s, fd);
        if (nfd != fd) {
            se_dup2(nfd, fd);
            close(nfd);
        } else
            se_set_cloexec(fd, 0);
    }
    return 0;
}
