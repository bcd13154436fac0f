// Jobs run on a few threads and taken back in the order they were queued: the chunked CSV
// read converts chunks on every thread while the calling thread hands the results on in
// file order.
//
// The caller queues jobs, then waits for the oldest; while it waits it runs queued jobs
// itself (the oldest first), so it never sits idle while work is left, and a pool of no
// helpers runs everything on the caller. A job gets the number of the thread it runs on
// (0: the caller; 1..helpers: the helpers), so it can use that thread's scratch space.
// An exception a job throws is rethrown by wait_oldest() for that job. The destructor
// drops jobs not started and waits for running ones.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace folio::data::detail {

class ordered_jobs {
public:
    using job = std::function<void(std::size_t thread)>;

    /// Starts `helpers` helper threads.
    explicit ordered_jobs(std::size_t helpers);
    ~ordered_jobs();
    ordered_jobs(const ordered_jobs&) = delete;
    ordered_jobs& operator=(const ordered_jobs&) = delete;

    /// Queues a job.
    void submit(job work);

    /// Waits until the oldest job not yet taken back is done, running queued jobs meanwhile,
    /// and takes it back; rethrows what it threw. There must be one.
    void take_oldest();

    /// Returns the number of jobs queued, running or done but not taken back.
    std::size_t pending() const { return slots_.size(); }

    /// Returns the number of threads that run jobs, the caller included.
    std::size_t threads() const { return helpers_.size() + 1; }

private:
    struct slot {
        job work;
        bool done = false;
        std::exception_ptr error;
    };

    std::vector<std::thread> helpers_;
    std::mutex mutex_;
    std::condition_variable wake_, finished_;
    std::deque<std::shared_ptr<slot>> slots_;   // in queue order; the caller's only
    std::deque<std::shared_ptr<slot>> queued_;  // not started yet, oldest first
    bool stopping_ = false;

    /// Runs `s` on thread `thread` (the lock is held on entry and on return).
    void run(slot& s, std::size_t thread, std::unique_lock<std::mutex>& lock);

    /// The loop of a helper thread.
    void helper(std::size_t thread);
};

}  // namespace folio::data::detail
