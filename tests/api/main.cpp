#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "fixture.hpp"

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    spdlog::set_level(spdlog::level::warn);  // the access log of every test request is noise
    std::cout << "API tests against the " << parcours::testing::Engine() << " engine\n";
    return RUN_ALL_TESTS();
}
