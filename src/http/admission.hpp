#pragma once
// At most a few requests at work at once, the others waiting their turn in arrival order.
//
// cpp-httplib serves each keep-alive connection on a thread of its own (64 for wrk's 64
// connections), and on 2 cores 64 threads at work at once spend their time contending: for
// glibc's allocator locks, the database sessions and the audit group commit, each contention a
// futex sleep and a context switch (perf on the parcours page: a third of the server's CPU in
// futex wake-ups and task switches). Past the gate a request meets a handful of others only; at
// the gate it sleeps once, and its turn comes in the order it arrived, so no request is passed
// over again and again (the tail latency of an unfair wake-up).
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace parcours::http {

class Admission {
  public:
    explicit Admission(std::size_t slots);
    Admission(const Admission&) = delete;
    Admission& operator=(const Admission&) = delete;

    // A slot, held for the ticket's lifetime.
    class Ticket {
      public:
        Ticket(Ticket&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
        Ticket(const Ticket&) = delete;
        Ticket& operator=(const Ticket&) = delete;
        Ticket& operator=(Ticket&&) = delete;
        ~Ticket() {
            if (gate_ != nullptr) gate_->Leave();
        }

      private:
        friend class Admission;
        explicit Ticket(Admission& gate) : gate_(&gate) {}
        Admission* gate_;
    };

    // Waits for a slot, in arrival order; nullopt when none came within `patience`.
    std::optional<Ticket> Enter(std::chrono::milliseconds patience);

  private:
    void Leave();
    struct Waiter {
        std::condition_variable wake;
        bool admitted = false;
    };
    std::mutex mutex_;
    std::size_t free_;
    std::deque<Waiter*> waiting_;
};

}  // namespace parcours::http
