//! A compact adjacency (CSR) of the graph's undirected view, and the traversals that run on it:
//! bidirectional BFS for unweighted shortest paths and a bounded BFS that counts a neighbourhood.
//!
//! Every edge appears twice, once in each endpoint's list, with a bit saying whether it points
//! away from that endpoint, and the edge's id in a parallel array (only read to name the edges
//! of an answer): 16 bytes per edge in all. Each node's list is in edge-id (insertion) order, so
//! results are deterministic. Paths come back as node sequences; [`Csr::edge_between`] names
//! each hop's edge. Traversal scratch space (a visited mark and a parent per node, frontiers)
//! lives in a thread-local pool reused across queries: a query allocates nothing proportional to
//! the graph; "visited" is a generation mark, so nothing is cleared between queries either.

use std::cell::RefCell;

/// Compressed sparse rows over the undirected view of the graph.
#[derive(Clone, Default)]
pub struct Csr {
    /// `offsets[v]..offsets[v + 1]` is node `v`'s slice of `targets`.
    offsets: Vec<u32>,
    /// The node at the other end of each half-edge, with [`OUT`] set when the edge points from
    /// the list's node to it.
    targets: Vec<u32>,
    /// The edge id of each half-edge.
    edges: Vec<u32>,
}

/// How many lists of a level [`Csr::shortest_path`] touches at a time.
const TOUCH_BATCH: usize = 16;

/// Direction bit of a half-edge in [`Csr::targets`].
const OUT: u32 = 1 << 31;
const NODE: u32 = OUT - 1;

impl std::fmt::Debug for Csr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Csr {{ nodes: {}, half_edges: {} }}", self.node_count(), self.targets.len())
    }
}

/// Which half-edges a traversal follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    /// Edges leaving the node.
    Out,
    /// Edges arriving at the node.
    In,
    /// Both.
    Both,
}

impl Follow {
    #[inline]
    fn allows(self, t: u32) -> bool {
        match self {
            Follow::Both => true,
            Follow::Out => t & OUT != 0,
            Follow::In => t & OUT == 0,
        }
    }
}

impl Csr {
    /// Builds the adjacency of `n` nodes and `m` edges; `endpoint(i)` is edge `i`'s (source,
    /// target). Two passes over the edges, no per-edge allocation.
    pub fn build(n: usize, m: usize, endpoint: impl Fn(usize) -> (u32, u32)) -> Csr {
        assert!(m < (u32::MAX / 2) as usize && n < NODE as usize, "CSR supports fewer than 2^31 edges and nodes");
        let mut offsets = vec![0u32; n + 1];
        for i in 0..m {
            let (s, t) = endpoint(i);
            offsets[s as usize + 1] += 1;
            offsets[t as usize + 1] += 1;
        }
        for v in 0..n {
            offsets[v + 1] += offsets[v];
        }
        let total = offsets[n] as usize;
        let mut targets = vec![0u32; total];
        let mut edges = vec![0u32; total];
        let mut fill: Vec<u32> = offsets[..n].to_vec();
        for i in 0..m {
            let (s, t) = endpoint(i);
            let p = fill[s as usize] as usize;
            targets[p] = t | OUT;
            edges[p] = i as u32;
            fill[s as usize] += 1;
            let p = fill[t as usize] as usize;
            targets[p] = s;
            edges[p] = i as u32;
            fill[t as usize] += 1;
        }
        Csr { offsets, targets, edges }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Allocates and touches this thread's traversal scratch space now (part of loading a big
    /// graph), so that the first queries do not pay for page faults.
    pub fn prepare_scratch(&self) {
        with_scratch(self.node_count(), |s| {
            s.slots.fill(Slot::default());
            s.generation = 0;
        })
    }

    /// Undirected degree (a self-loop counts twice).
    #[inline]
    pub fn degree(&self, v: u32) -> usize {
        (self.offsets[v as usize + 1] - self.offsets[v as usize]) as usize
    }

    /// The lowest-id edge joining `a` and `b` (either direction) and whether it points from `a`
    /// to `b`. Scans the shorter of the two lists, which is contiguous and in edge-id order, so
    /// the first match is the answer.
    pub fn edge_between(&self, a: u32, b: u32) -> Option<(u32, bool)> {
        let (v, other) = if self.degree(a) <= self.degree(b) { (a, b) } else { (b, a) };
        let r = self.range(v);
        let p = self.targets[r.clone()].iter().position(|&t| t & NODE == other)?;
        let t = self.targets[r.start + p];
        let out_of_v = t & OUT != 0;
        Some((self.edges[r.start + p], if v == a { out_of_v } else { !out_of_v }))
    }

    /// The half-edges of `v`: (other end, edge points away from `v`), in edge-id order.
    pub fn neighbours(&self, v: u32) -> impl Iterator<Item = (u32, bool)> + '_ {
        self.targets[self.range(v)].iter().map(|&t| (t & NODE, t & OUT != 0))
    }

    /// Hops from `from` to every node over the undirected view (`u32::MAX` where unreachable),
    /// stopping once `stop` is reached. Allocates one array over the graph: meant for graphs
    /// small enough for the typed-preference path search, which it bounds.
    pub fn distances_from(&self, from: u32, stop: u32) -> Vec<u32> {
        let mut dist = vec![u32::MAX; self.node_count()];
        dist[from as usize] = 0;
        let mut frontier = vec![from];
        let mut next = Vec::new();
        let mut level = 0;
        while !frontier.is_empty() && dist[stop as usize] == u32::MAX {
            level += 1;
            next.clear();
            for &u in &frontier {
                for &t in &self.targets[self.range(u)] {
                    let w = (t & NODE) as usize;
                    if dist[w] == u32::MAX {
                        dist[w] = level;
                        next.push(w as u32);
                    }
                }
            }
            std::mem::swap(&mut frontier, &mut next);
        }
        dist
    }

    #[inline]
    fn range(&self, v: u32) -> std::ops::Range<usize> {
        self.offsets[v as usize] as usize..self.offsets[v as usize + 1] as usize
    }

    /// Whether frontier `a` has no more half-edges than frontier `b`, reading only as many
    /// degrees as the answer needs: the side whose running total is smaller is summed next, and
    /// the answer is known as soon as one side is complete and the other has passed it. (Every
    /// degree read is a likely cache miss on a big graph; the heavier frontier is rarely summed
    /// in full.)
    fn lighter(&self, a: &[u32], b: &[u32]) -> bool {
        let (mut wa, mut wb, mut i, mut j) = (0usize, 0usize, 0, 0);
        loop {
            let (a_done, b_done) = (i == a.len(), j == b.len());
            if a_done && wa <= wb {
                return true;
            }
            if b_done && wa > wb {
                return false;
            }
            if !a_done && (b_done || wa <= wb) {
                wa += self.degree(a[i]);
                i += 1;
            } else {
                wb += self.degree(b[j]);
                j += 1;
            }
        }
    }

    /// Reads the start of each list of `frontier`, a batch of a level about to be expanded.
    /// These loads are independent, so the CPU overlaps their cache misses, where expanding
    /// node after node would wait for each list in turn (a list is too long for the CPU to look
    /// ahead past it). Batches, not whole levels: the last level usually meets the other side
    /// within its first few nodes.
    fn touch_lists(&self, frontier: &[u32]) {
        let mut acc = 0u32;
        for &u in frontier {
            acc ^= self.targets.get(self.offsets[u as usize] as usize).copied().unwrap_or(0);
        }
        std::hint::black_box(acc);
    }

    /// A shortest path from `a` to `b` over the undirected view, by bidirectional BFS (each
    /// round expands the side whose frontier has fewer half-edges). `None` when there is no
    /// path of at most `max` hops. The path is its nodes, `a` first and `b` last (`[a]` when
    /// `a == b`).
    ///
    /// It stops at the first edge that joins the two searches: every node is checked against
    /// the other side when it is first reached, so the first join found while expanding a level
    /// necessarily lands on the other side's current frontier, and every join in that level
    /// would give the same length (`la + lb + 1`). No distance array is needed.
    ///
    /// On a big graph the search is bound by memory latency, not by instructions: both
    /// searches share one array of per-node slots (which side reached the node, and from
    /// where), so reaching a node costs one cache line, and the lists of a level are touched in
    /// batches before they are expanded, so that their cache misses overlap.
    pub fn shortest_path(&self, a: u32, b: u32, max: Option<usize>) -> Option<Vec<u32>> {
        if a == b {
            return Some(vec![a]);
        }
        let max = max.unwrap_or(usize::MAX);
        if max == 0 {
            return None;
        }
        with_scratch(self.node_count(), |s| {
            let (mark_a, mark_b) = s.next_marks();
            let Scratch { slots, frontiers: [fa, fb], .. } = s;
            slots[a as usize].mark = mark_a;
            slots[b as usize].mark = mark_b;
            fa.start(a);
            fb.start(b);
            // The joining hop (A's side, B's side).
            let mut best: Option<(u32, u32)> = None;
            let mut hops = 0usize;
            while !fa.current.is_empty() && !fb.current.is_empty() {
                if hops >= max {
                    return None;
                }
                let expand_a = self.lighter(&fa.current, &fb.current);
                let (me, mine, theirs) = if expand_a { (&mut *fa, mark_a, mark_b) } else { (&mut *fb, mark_b, mark_a) };
                me.next.clear();
                'level: for (i, &u) in me.current.iter().enumerate() {
                    if i % TOUCH_BATCH == 0 {
                        self.touch_lists(&me.current[i..me.current.len().min(i + TOUCH_BATCH)]);
                    }
                    for &t in &self.targets[self.range(u)] {
                        let w = t & NODE;
                        let slot = &mut slots[w as usize];
                        if slot.mark == theirs {
                            best = Some(if expand_a { (u, w) } else { (w, u) });
                            break 'level;
                        }
                        if slot.mark != mine {
                            *slot = Slot { mark: mine, parent: u };
                            me.next.push(w);
                        }
                    }
                }
                std::mem::swap(&mut me.current, &mut me.next);
                hops += 1;
                if let Some((x, y)) = best {
                    let mut nodes = Vec::with_capacity(hops + 1);
                    // A's half: from x back to a.
                    let mut v = x;
                    nodes.push(v);
                    while v != a {
                        v = slots[v as usize].parent;
                        nodes.push(v);
                    }
                    nodes.reverse();
                    // B's half: from y on to b (parents point towards b).
                    let mut v = y;
                    nodes.push(v);
                    while v != b {
                        v = slots[v as usize].parent;
                        nodes.push(v);
                    }
                    return Some(nodes);
                }
            }
            None
        })
    }

    /// How many nodes lie within `depth` hops of `center` (the centre itself not counted),
    /// following the half-edges `follow` allows.
    pub fn count_within(&self, center: u32, depth: usize, follow: Follow) -> usize {
        with_scratch(self.node_count(), |s| {
            let (mark, _) = s.next_marks();
            let Scratch { slots, frontiers: [side, _], .. } = s;
            slots[center as usize].mark = mark;
            side.start(center);
            let mut count = 0usize;
            for _ in 0..depth {
                side.next.clear();
                for &u in &side.current {
                    for &t in &self.targets[self.range(u)] {
                        if !follow.allows(t) {
                            continue;
                        }
                        let w = t & NODE;
                        let slot = &mut slots[w as usize];
                        if slot.mark != mark {
                            slot.mark = mark;
                            side.next.push(w);
                        }
                    }
                }
                count += side.next.len();
                if side.next.is_empty() {
                    break;
                }
                std::mem::swap(&mut side.current, &mut side.next);
            }
            count
        })
    }
}

/// A node's scratch entry: `mark` says which search of which query reached it, `parent` is the
/// node it was reached from (meaningful only while `mark` is current). One struct, so that
/// reaching a node touches one cache line.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    mark: u32,
    parent: u32,
}

/// One search direction's frontiers: the level being expanded and the one being found.
#[derive(Default)]
struct Frontier {
    current: Vec<u32>,
    next: Vec<u32>,
}

impl Frontier {
    fn start(&mut self, v: u32) {
        self.current.clear();
        self.current.push(v);
    }
}

/// Traversal scratch space, one per thread.
#[derive(Default)]
struct Scratch {
    /// The last mark handed out; every query takes two fresh ones (one per search direction),
    /// so a slot with an older mark was not reached by the current query.
    generation: u32,
    slots: Vec<Slot>,
    frontiers: [Frontier; 2],
}

impl Scratch {
    /// Two marks no slot carries yet: one for each direction of a search.
    fn next_marks(&mut self) -> (u32, u32) {
        if self.generation > u32::MAX - 2 {
            self.slots.fill(Slot::default());
            self.generation = 0;
        }
        self.generation += 2;
        (self.generation - 1, self.generation)
    }

    fn ensure(&mut self, n: usize) {
        if self.slots.len() < n {
            // A fresh zeroed allocation (calloc): pages are only touched when used.
            self.slots = vec![Slot::default(); n];
        }
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Runs `f` with this thread's scratch space, sized for `n` nodes (grown once, then reused).
fn with_scratch<R>(n: usize, f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut s) => {
            s.ensure(n);
            f(&mut s)
        }
        // Re-entrant use (not expected): fall back to fresh space.
        Err(_) => {
            let mut s = Scratch::default();
            s.ensure(n);
            f(&mut s)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::VecDeque;

    /// A small deterministic generator (xorshift) of random multigraphs with self-loops.
    fn random_graph(seed: u64, n: usize, m: usize) -> Vec<(u32, u32)> {
        let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        (0..m).map(|_| ((next() % n as u64) as u32, (next() % n as u64) as u32)).collect()
    }

    fn plain_bfs(n: usize, edges: &[(u32, u32)], a: u32, follow: Follow) -> Vec<Option<usize>> {
        let mut adj = vec![Vec::new(); n];
        for &(s, t) in edges {
            if follow != Follow::In {
                adj[s as usize].push(t);
            }
            if follow != Follow::Out {
                adj[t as usize].push(s);
            }
        }
        let mut dist = vec![None; n];
        dist[a as usize] = Some(0);
        let mut q = VecDeque::from([a]);
        while let Some(u) = q.pop_front() {
            for &w in &adj[u as usize] {
                if dist[w as usize].is_none() {
                    dist[w as usize] = Some(dist[u as usize].unwrap() + 1);
                    q.push_back(w);
                }
            }
        }
        dist
    }

    #[test]
    fn bidirectional_bfs_agrees_with_plain_bfs() {
        for seed in 0..40u64 {
            let n = 5 + (seed as usize * 7) % 60;
            let m = (seed as usize * 13) % (3 * n);
            let edges = random_graph(seed, n, m);
            let csr = Csr::build(n, edges.len(), |i| edges[i]);
            for a in 0..n as u32 {
                let dist = plain_bfs(n, &edges, a, Follow::Both);
                for b in 0..n as u32 {
                    let got = csr.shortest_path(a, b, None);
                    assert_eq!(got.as_ref().map(|p| p.len() - 1), dist[b as usize], "seed {seed} {a}->{b}");
                    if let Some(nodes) = got {
                        // From a to b, each step over a real edge.
                        assert_eq!((nodes[0], nodes[nodes.len() - 1]), (a, b));
                        for w in nodes.windows(2) {
                            assert!(edges.iter().any(|&(s, t)| (s, t) == (w[0], w[1]) || (t, s) == (w[0], w[1])));
                        }
                    }
                    let d = dist[b as usize];
                    for max in 0..4 {
                        let within = csr.shortest_path(a, b, Some(max)).map(|p| p.len() - 1);
                        assert_eq!(within, d.filter(|&d| d <= max), "seed {seed} {a}->{b} max {max}");
                    }
                }
            }
        }
    }

    #[test]
    fn count_agrees_with_a_naive_count() {
        for seed in 0..30u64 {
            let n = 3 + (seed as usize * 11) % 80;
            let m = (seed as usize * 17) % (4 * n);
            let edges = random_graph(seed + 100, n, m);
            let csr = Csr::build(n, edges.len(), |i| edges[i]);
            for follow in [Follow::Both, Follow::Out, Follow::In] {
                for c in 0..n as u32 {
                    let dist = plain_bfs(n, &edges, c, follow);
                    for depth in 0..5 {
                        let naive = dist.iter().filter(|d| d.is_some_and(|d| d >= 1 && d <= depth)).count();
                        assert_eq!(csr.count_within(c, depth, follow), naive, "seed {seed} c {c} depth {depth}");
                    }
                }
            }
        }
    }

    #[test]
    fn generation_wrap_clears_marks() {
        let edges = [(0u32, 1u32), (1, 2)];
        let csr = Csr::build(4, edges.len(), |i| edges[i]);
        SCRATCH.with(|s| s.borrow_mut().generation = u32::MAX - 2);
        for _ in 0..6 {
            assert_eq!(csr.count_within(0, 2, Follow::Both), 2);
            assert_eq!(csr.shortest_path(0, 2, None), Some(vec![0, 1, 2]));
            assert_eq!(csr.shortest_path(0, 3, None), None);
        }
    }
}
