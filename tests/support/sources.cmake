set(DIFUSOR_TEST_SUPPORT_SOURCES
    TestEnv.h TestEnv.cpp
    SshdFixture.h SshdFixture.cpp
    LoopGapMeter.h
    StoreSupport.h StoreSupport.cpp
)
