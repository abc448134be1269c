"""A float simulation: heat diffusion on a 2-D grid of floats (lists of lists),
with a hot source, a cooling boundary and a running energy total."""
import sys


def simulate(size, steps):
    grid = [[0.0] * size for _ in range(size)]
    alpha = 0.21
    mid = size // 2
    for t in range(steps):
        grid[mid][mid] = 100.0
        new = [row[:] for row in grid]
        for i in range(1, size - 1):
            up = grid[i - 1]
            row = grid[i]
            down = grid[i + 1]
            out = new[i]
            for j in range(1, size - 1):
                c = row[j]
                out[j] = c + alpha * (up[j] + down[j] + row[j - 1] + row[j + 1] - 4.0 * c)
        for i in range(size):
            new[i][0] *= 0.5
            new[i][size - 1] *= 0.5
        grid = new
    energy = 0.0
    for row in grid:
        for v in row:
            energy += v
    return energy, grid[mid][mid + 3]


def main(steps):
    e, probe = simulate(64, steps)
    print("%.6f %.6f" % (e, probe))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
