// The ordered job runner (see ordered_jobs.hpp): one mutex guards the queue and the done
// flags; helpers sleep on `wake_`, the caller on `finished_`.
#include "ordered_jobs.hpp"

namespace folio::data::detail {

ordered_jobs::ordered_jobs(std::size_t helpers) {
    for (std::size_t i = 1; i <= helpers; ++i) helpers_.emplace_back([this, i] { helper(i); });
}

ordered_jobs::~ordered_jobs() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        queued_.clear();
    }
    wake_.notify_all();
    for (std::thread& t : helpers_) t.join();
}

void ordered_jobs::submit(job work) {
    auto s = std::make_shared<slot>();
    s->work = std::move(work);
    slots_.push_back(s);
    if (helpers_.empty()) return;  // the caller runs it in take_oldest
    {
        std::lock_guard<std::mutex> lock(mutex_);
        queued_.push_back(s);
    }
    wake_.notify_one();
}

void ordered_jobs::run(slot& s, std::size_t thread, std::unique_lock<std::mutex>& lock) {
    lock.unlock();
    std::exception_ptr error;
    try {
        s.work(thread);
    } catch (...) {
        error = std::current_exception();
    }
    s.work = nullptr;  // frees what the job holds on the thread that ran it
    lock.lock();
    s.error = error;
    s.done = true;
}

void ordered_jobs::helper(std::size_t thread) {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        wake_.wait(lock, [&] { return stopping_ || !queued_.empty(); });
        if (stopping_) return;
        std::shared_ptr<slot> s = std::move(queued_.front());
        queued_.pop_front();
        run(*s, thread, lock);
        finished_.notify_all();
    }
}

void ordered_jobs::take_oldest() {
    std::shared_ptr<slot> oldest = std::move(slots_.front());
    slots_.pop_front();
    if (helpers_.empty()) {
        oldest->work(0);
        return;
    }
    std::unique_lock<std::mutex> lock(mutex_);
    while (!oldest->done) {
        if (!queued_.empty()) {
            std::shared_ptr<slot> s = std::move(queued_.front());
            queued_.pop_front();
            run(*s, 0, lock);
            continue;
        }
        finished_.wait(lock);
    }
    if (oldest->error) std::rethrow_exception(oldest->error);
}

}  // namespace folio::data::detail
