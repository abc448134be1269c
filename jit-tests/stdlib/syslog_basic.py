# syslog over libc: LOG_PERROR copies each message to stderr ("ident: message" or
# "ident[pid]: ..." with LOG_PID), so what syslog sends is checked there; priorities,
# masks (setlogmask/LOG_MASK/LOG_UPTO), openlog defaults, closelog, and the errors.
import os
import syslog

print(sorted((n, getattr(syslog, n)) for n in dir(syslog) if n.startswith("LOG_") and n.isupper() and not callable(getattr(syslog, n))))
print(syslog.LOG_MASK(3), syslog.LOG_UPTO(3), syslog.LOG_MASK(syslog.LOG_ERR), syslog.LOG_UPTO(syslog.LOG_DEBUG))
syslog.openlog("pylift-test", syslog.LOG_PERROR, syslog.LOG_USER)
syslog.syslog("hello from the test")
syslog.syslog(syslog.LOG_ERR, "an error: 100% sure %s")
old = syslog.setlogmask(syslog.LOG_UPTO(syslog.LOG_WARNING))
print(old == syslog.LOG_UPTO(syslog.LOG_DEBUG) or old, flush=True)
syslog.syslog(syslog.LOG_INFO, "masked out")
syslog.syslog(syslog.LOG_CRIT, "critical passes the mask")
print(syslog.setlogmask(0) == syslog.LOG_UPTO(syslog.LOG_WARNING), flush=True)
syslog.setlogmask(old)
syslog.closelog()
syslog.openlog(logoption=syslog.LOG_PERROR)
syslog.syslog(syslog.LOG_NOTICE, "default ident is the script name")
syslog.closelog()
syslog.openlog("with-pid", syslog.LOG_PERROR | syslog.LOG_PID)
syslog.syslog("pid line")
syslog.closelog()
for f in [lambda: syslog.syslog(), lambda: syslog.syslog(1), lambda: syslog.openlog(ident=3),
          lambda: syslog.LOG_MASK("a"), lambda: syslog.syslog(1, 2, 3), lambda: syslog.openlog("a", 1, 2, 3),
          lambda: syslog.syslog("a\0b")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
