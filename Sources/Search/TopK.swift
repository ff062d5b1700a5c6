/// The first `count` elements in order without sorting everything: a bounded heap whose root is the
/// worst element kept. O(n log k) instead of O(n log n) for a results page out of a large set.
enum TopK {
    static func select<T>(_ items: [T], count: Int, by inOrder: (T, T) -> Bool) -> [T] {
        guard count < items.count / 4 else { return Array(items.sorted(by: inOrder).prefix(count)) }
        guard count > 0 else { return [] }
        var heap: [T] = []
        heap.reserveCapacity(count)
        // Max-heap by "worse": the root is the element that would come last.
        func worse(_ a: T, _ b: T) -> Bool { inOrder(b, a) }
        func siftUp(_ index: Int) {
            var child = index
            while child > 0 {
                let parent = (child - 1) / 2
                guard worse(heap[child], heap[parent]) else { return }
                heap.swapAt(child, parent)
                child = parent
            }
        }
        func siftDown() {
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var largest = parent
                if left < heap.count, worse(heap[left], heap[largest]) { largest = left }
                if right < heap.count, worse(heap[right], heap[largest]) { largest = right }
                if largest == parent { return }
                heap.swapAt(parent, largest)
                parent = largest
            }
        }
        for item in items {
            if heap.count < count {
                heap.append(item)
                siftUp(heap.count - 1)
            } else if inOrder(item, heap[0]) {
                heap[0] = item
                siftDown()
            }
        }
        return heap.sorted(by: inOrder)
    }
}
