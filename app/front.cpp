// difusor-console, as the user and scripts call it: which of the console's programs runs this command line.
//
// It loads nothing but the C library and becomes (execv: the same process and pid, the same arguments,
// nothing left in between) one of three programs, installed beside each other in
// /usr/libexec/difusor-console/ and beside this one in the build:
//   difusor-console-stats     `stats`: Qt Core and the traffic code only (it starts ~8 ms sooner than with
//                             the other commands' libraries: a 100-line log 30 -> 22 ms, `perf stat -r 40`);
//   difusor-console-commands  every other command and the window's command line (--help, --version): Qt
//                             Core, Network, Sql, libssh, OpenSSL, no Qt GUI;
//   difusor-console-gui       the window and `export`, which difusor-console-commands becomes.
// Becoming one costs ~1 ms (an exec of this program, which maps only libc).
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace {

// The folder of this program's file (symbolic links resolved) into `folder`; false if /proc cannot tell.
bool ownFolder(char (&folder)[PATH_MAX])
{
    const ssize_t n = ::readlink("/proc/self/exe", folder, sizeof folder - 1);
    if (n <= 0)
        return false;
    folder[n] = '\0';
    char *slash = std::strrchr(folder, '/');
    if (!slash)
        return false;
    *slash = '\0';
    return true;
}

// The language of the one message this program may write, chosen as the others choose theirs
// (difusor::chooseLanguage): --lang X or --lang=X before "--", else DIFUSOR_LANG, else Spanish.
bool english(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--") == 0)
            break;
        if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            return std::strcmp(argv[i + 1], "en") == 0;
        if (std::strncmp(argv[i], "--lang=", 7) == 0)
            return std::strcmp(argv[i] + 7, "en") == 0;
    }
    const char *env = std::getenv("DIFUSOR_LANG");
    return env && std::strcmp(env, "en") == 0;
}

} // namespace

int main(int argc, char **argv)
{
    const char *program = argc > 1 && std::strcmp(argv[1], "stats") == 0 ? "difusor-console-stats"
                                                                         : "difusor-console-commands";
    char folder[PATH_MAX];
    const bool found = ownFolder(folder);
    int error = found ? ENOENT : errno;
    char candidates[2][2 * PATH_MAX];
    std::snprintf(candidates[0], sizeof candidates[0], "%s/%s", found ? folder : "?", program);
    std::snprintf(candidates[1], sizeof candidates[1], "%s/%s/%s", found ? folder : "?", DIFUSOR_PROGRAMS_DIR, program);
    for (const char *candidate : candidates) {
        if (!found || ::access(candidate, X_OK) != 0)
            continue;
        ::execv(candidate, argv);
        error = errno;
    }
    if (english(argc, argv))
        std::fprintf(stderr, "difusor-console: could not start %s (%s, %s): %s\n", program, candidates[0],
                     candidates[1], std::strerror(error));
    else
        std::fprintf(stderr, "difusor-console: no se pudo iniciar %s (%s, %s): %s\n", program, candidates[0],
                     candidates[1], std::strerror(error));
    return 1; // difusor::ExitFailed: what the command had to do failed
}
