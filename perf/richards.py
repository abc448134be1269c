"""Method-call-heavy objects: a small discrete-event simulation of a task scheduler."""
import sys

class Packet:
    __slots__ = ("kind", "data", "hops")
    def __init__(self, kind, data):
        self.kind = kind
        self.data = data
        self.hops = 0

class Queue:
    def __init__(self):
        self.items = []
        self.head = 0
    def push(self, p):
        self.items.append(p)
    def pop(self):
        if self.head >= len(self.items):
            return None
        p = self.items[self.head]
        self.head += 1
        if self.head > 64:
            del self.items[:self.head]
            self.head = 0
        return p
    def empty(self):
        return self.head >= len(self.items)

class Task:
    def __init__(self, ident, scheduler):
        self.ident = ident
        self.sched = scheduler
        self.inbox = Queue()
        self.handled = 0
    def receive(self, p):
        self.inbox.push(p)
    def runnable(self):
        return not self.inbox.empty()
    def run(self):
        p = self.inbox.pop()
        if p is not None:
            self.handled += 1
            p.hops += 1
            self.handle(p)
    def handle(self, p):
        raise NotImplementedError

class Worker(Task):
    def handle(self, p):
        p.data = (p.data * 31 + self.ident) % 65521
        if p.hops < 12:
            self.sched.send((self.ident + p.data) % self.sched.nworkers, p)
        else:
            self.sched.send_io(p)

class IoTask(Task):
    def __init__(self, ident, scheduler):
        Task.__init__(self, ident, scheduler)
        self.checksum = 0
    def handle(self, p):
        self.checksum = (self.checksum + p.data * p.hops) % 1000000007
        self.sched.finished += 1

class Scheduler:
    def __init__(self, nworkers):
        self.nworkers = nworkers
        self.workers = [Worker(i, self) for i in range(nworkers)]
        self.io = IoTask(nworkers, self)
        self.finished = 0
        self.steps = 0
    def send(self, target, p):
        self.workers[target].receive(p)
    def send_io(self, p):
        self.io.receive(p)
    def schedule(self):
        busy = True
        while busy:
            busy = False
            for t in self.workers:
                if t.runnable():
                    t.run()
                    self.steps += 1
                    busy = True
            while self.io.runnable():
                self.io.run()
                busy = True

def main(n):
    s = Scheduler(10)
    for i in range(n):
        s.send(i % 10, Packet(i % 3, i))
        if i % 100 == 99:
            s.schedule()
    s.schedule()
    print(s.finished, s.steps, s.io.checksum)
    print(sorted(w.handled for w in s.workers)[:3])

main(int(sys.argv[1]) if len(sys.argv) > 1 else 130000)
