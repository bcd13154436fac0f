// The task pool: helpers sleep on a condition variable between steps and take task indexes
// from the step's atomic counter; the caller counts finished tasks, not awake helpers.
#include "task_pool.hpp"

namespace folio::data::detail {

task_pool::task_pool(std::size_t threads) {
    for (std::size_t i = 1; i < threads; ++i) helpers_.emplace_back([this] { helper(); });
}

task_pool::~task_pool() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (std::thread& t : helpers_) t.join();
}

void task_pool::work(step& s) {
    for (;;) {
        const std::size_t i = s.next.fetch_add(1, std::memory_order_relaxed);
        if (i >= s.count) return;
        std::exception_ptr error;
        try {
            (*s.task)(i);
        } catch (...) {
            error = std::current_exception();
        }
        std::lock_guard<std::mutex> lock(mutex_);
        if (error && !s.error) s.error = error;
        if (++s.done == s.count) finished_.notify_all();
    }
}

void task_pool::helper() {
    std::uint64_t seen = 0;
    for (;;) {
        std::shared_ptr<step> s;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
            if (stopping_) return;
            seen = generation_;
            s = current_;
        }
        work(*s);
    }
}

void task_pool::run(std::size_t count, const std::function<void(std::size_t)>& task) {
    if (helpers_.empty() || count <= 1) {
        for (std::size_t i = 0; i < count; ++i) task(i);
        return;
    }
    auto s = std::make_shared<step>();
    s->task = &task;
    s->count = count;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        current_ = s;
        ++generation_;
    }
    wake_.notify_all();
    work(*s);
    std::unique_lock<std::mutex> lock(mutex_);
    finished_.wait(lock, [&] { return s->done == s->count; });
    if (s->error) std::rethrow_exception(s->error);
}

}  // namespace folio::data::detail
