#include "http/admission.hpp"

#include <algorithm>

namespace parcours::http {

Admission::Admission(std::size_t slots) : free_(slots) {}

std::optional<Admission::Ticket> Admission::Enter(std::chrono::milliseconds patience) {
    std::unique_lock lock(mutex_);
    if (free_ > 0 && waiting_.empty()) {
        --free_;
        return Ticket(*this);
    }
    Waiter me;
    waiting_.push_back(&me);
    if (me.wake.wait_for(lock, patience, [&me] { return me.admitted; })) return Ticket(*this);
    // Out of patience, and still in the queue (a slot handed over would have admitted us).
    waiting_.erase(std::find(waiting_.begin(), waiting_.end(), &me));
    return std::nullopt;
}

void Admission::Leave() {
    std::lock_guard lock(mutex_);
    if (waiting_.empty()) {
        ++free_;
        return;
    }
    // The slot goes straight to the first in line: no later arrival can take it first. Notified
    // under the lock: the waiter's record lives on its stack until it sees `admitted`.
    Waiter* next = waiting_.front();
    waiting_.pop_front();
    next->admitted = true;
    next->wake.notify_one();
}

}  // namespace parcours::http
