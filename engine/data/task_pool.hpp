// A few threads that run the tasks of one step together with the calling thread, for the
// readers' column-parallel conversion: `run(count, task)` calls task(0..count-1) spread over
// the pool and the caller, and returns when all are done (rethrowing the first exception).
//
// The caller never waits for a helper that has not started: it takes tasks itself and waits
// only for tasks a helper has already taken, so on a busy machine a step costs no more than
// running it alone. A pool of one thread runs everything inline on the caller.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace folio::data::detail {

class task_pool {
public:
    /// Starts `threads - 1` helper threads (none when threads <= 1).
    explicit task_pool(std::size_t threads);
    ~task_pool();
    task_pool(const task_pool&) = delete;
    task_pool& operator=(const task_pool&) = delete;

    /// Runs task(i) for every i < count on the pool and the calling thread; returns when all are done.
    void run(std::size_t count, const std::function<void(std::size_t)>& task);

    /// Returns the number of threads that run tasks, the caller included.
    std::size_t threads() const { return helpers_.size() + 1; }

private:
    // One call of run(): helpers that wake late see a finished step and take nothing.
    struct step {
        const std::function<void(std::size_t)>* task = nullptr;
        std::size_t count = 0;
        std::atomic<std::size_t> next{0};
        std::size_t done = 0;  // guarded by the pool's mutex
        std::exception_ptr error;
    };

    std::vector<std::thread> helpers_;
    std::mutex mutex_;
    std::condition_variable wake_, finished_;
    std::shared_ptr<step> current_;
    std::uint64_t generation_ = 0;
    bool stopping_ = false;

    /// Takes tasks of `s` until none is left.
    void work(step& s);

    /// The loop of a helper thread.
    void helper();
};

}  // namespace folio::data::detail
