# subprocess over _posixsubprocess.fork_exec, select.poll and the posix wait calls: run,
# check_output, pipes both ways, communicate, env/cwd, exit codes and signals, timeouts,
# a missing program; plus select.select/poll on a pipe.
import subprocess, sys, os
r = subprocess.run(['echo', 'hi'], capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(subprocess.check_output(['sh', '-c', 'echo $((1+2))']))
print(subprocess.run(['sh', '-c', 'exit 3']).returncode)
try:
    subprocess.check_call(['false'])
except subprocess.CalledProcessError as e:
    print(e)
try:
    subprocess.run(['/nonexistent/x'])
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename)
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b'data')
print(out, err, p.returncode)
print(subprocess.run([sys.executable, '-c', 'print(1+1)'], capture_output=True).stdout)
r = subprocess.run(['sh', '-c', 'echo out; echo err >&2'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(r.stdout)
print(subprocess.run('echo $FOO', shell=True, env={'FOO': 'bar'}, capture_output=True).stdout)
print(subprocess.run(['pwd'], cwd='/tmp', capture_output=True, text=True).stdout)
print(subprocess.getoutput('echo x; exit 2'), subprocess.getstatusoutput('exit 4'))
try:
    subprocess.run(['sleep', '5'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('timeout', e.cmd, e.timeout > 0)
p = subprocess.Popen(['sh', '-c', 'kill -TERM $$'])
print(p.wait())
print(subprocess.call(['true']))
import select
r, w = os.pipe()
print(select.select([r], [w], [], 0)[:2] == ([], [w]))
os.write(w, b'x')
print(select.select([r], [], [], 1.0)[0] == [r])
p = select.poll()
p.register(r, select.POLLIN)
print(p.poll(0) == [(r, select.POLLIN)], os.read(r, 1), p.poll(0))
p.unregister(r)
try:
    p.unregister(r)
except KeyError as e:
    print('KeyError', e.args[0] == r)
print(os.waitstatus_to_exitcode(256 * 7), os.WIFEXITED(0), os.WEXITSTATUS(512), os.get_inheritable(r), os.get_blocking(r))
os.set_blocking(r, False)
os.set_inheritable(r, True)
print(os.get_blocking(r), os.get_inheritable(r), os.dup2(r, 99, inheritable=False), os.get_inheritable(99))
for f in (r, w, 99):
    os.close(f)
