/* print.c — turns an AST back into shell text, for child shells (subshells, pipeline stages,
 * background jobs) and for function definitions passed in the state. Commands are placed on the
 * same line numbers as in the source so that a child's messages name the right line. */
#include "sh.h"

#include <string.h>

static Str out;
static int cur;
static Redir *hd[64];
static int nhd;

static void put(const char *s) { str_adds(&out, s); }
static void newline(void) {
    put("\n");
    cur++;
    for (int i = 0; i < nhd; i++) {
        put(hd[i]->body);
        for (const char *p = hd[i]->body; *p; p++) if (*p == '\n') cur++;
        if (hd[i]->hd_quoted) {
            for (const char *p = hd[i]->word; *p; p++) str_addc(&out, *p);
        } else
            put(hd[i]->word);
        put("\n");
        cur++;
    }
    nhd = 0;
}
static void sync_line(int line) {
    while (cur < line) newline();
}

static void pr(Node *n, int may_sync);

static void pr_redirs(Redir *r) {
    static const char *ops[] = {"<", ">", ">>", ">|", "<>", "<&", ">&", "<<"};
    for (; r; r = r->next) {
        char num[16];
        snprintf(num, sizeof num, " %d", r->fd);
        put(num);
        put(ops[r->type]);
        if (r->type == R_HEREDOC) {
            if (r->hd_quoted) {
                for (const char *p = r->word; *p; p++) {
                    str_addc(&out, '\\');
                    str_addc(&out, *p);
                }
                if (!*r->word) put("''");
            } else
                put(r->word);
            if (nhd < 64) hd[nhd++] = r;
        } else
            put(r->word);
    }
}

static Node *last_of(Node *n) {
    while (n && n->type == N_SEQ) n = n->b;
    return n;
}
/* a list followed by a reserved word */
static void pr_body(Node *n, const char *word) {
    pr(n, 1);
    Node *l = last_of(n);
    put(l && l->type == N_BG ? " " : "; ");
    put(word);
}

static void pr(Node *n, int may_sync) {
    if (!n) {
        put(":");
        return;
    }
    if (may_sync) sync_line(n->lineno);
    switch (n->type) {
    case N_SIMPLE: {
        int first = 1;
        for (int i = 0; i < n->nassigns; i++, first = 0) {
            if (!first) put(" ");
            put(n->assigns[i]);
        }
        for (int i = 0; i < n->nwords; i++, first = 0) {
            if (!first) put(" ");
            put(n->words[i]);
        }
        pr_redirs(n->redirs);
        return;
    }
    case N_PIPE:
        for (int i = 0; i < n->ncmds; i++) {
            if (i) put(" | ");
            pr(n->cmds[i], 1);
        }
        return;
    case N_AND:
    case N_OR:
        pr(n->a, 1);
        put(n->type == N_AND ? " && " : " || ");
        pr(n->b, 1);
        return;
    case N_SEQ:
        pr(n->a, 1);
        put(n->a->type == N_BG ? " " : "; ");
        pr(n->b, 1);
        return;
    case N_BG:
        pr(n->a, 1);
        put(" &");
        return;
    case N_NOT:
        put("! ");
        pr(n->a, 0);
        return;
    case N_SUBSHELL:
        put("( ");
        pr(n->a, 1);
        put(" )");
        break;
    case N_GROUP:
        put("{ ");
        pr_body(n->a, "}");
        break;
    case N_IF:
        put("if ");
        for (;;) {
            pr_body(n->a, "then ");
            pr(n->b, 1);
            Node *l = last_of(n->b);
            put(l && l->type == N_BG ? " " : "; ");
            if (n->c && n->c->type == N_IF && !n->c->redirs) {
                put("elif ");
                n = n->c;
                continue;
            }
            if (n->c) {
                put("else ");
                pr_body(n->c, "");
            }
            break;
        }
        put("fi");
        break;
    case N_WHILE:
    case N_UNTIL:
        put(n->type == N_WHILE ? "while " : "until ");
        pr_body(n->a, "do ");
        pr_body(n->b, "done");
        break;
    case N_FOR:
        put("for ");
        put(n->name);
        if (n->has_in) {
            put(" in");
            for (int i = 0; i < n->nwords; i++) {
                put(" ");
                put(n->words[i]);
            }
            put(";");
        }
        put(" do ");
        pr_body(n->b, "done");
        break;
    case N_CASE:
        put("case ");
        put(n->name);
        put(" in ");
        for (CaseItem *it = n->items; it; it = it->next) {
            put("(");
            for (int i = 0; i < it->npats; i++) {
                if (i) put("|");
                put(it->pats[i]);
            }
            put(") ");
            if (it->body) pr_body(it->body, ";; ");
            else put(";; ");
        }
        put("esac");
        break;
    case N_FUNC:
        put(n->name);
        put("() ");
        pr(n->a, 0);
        return;
    }
    pr_redirs(n->redirs);
}

char *node_to_text(Node *n, int *first_line) {
    out.len = 0;
    if (out.s) out.s[0] = 0;
    nhd = 0;
    cur = n ? n->lineno : 1;
    *first_line = cur;
    pr(n, 1);
    if (nhd) newline();
    return str_take(&out);
}
