set(DIFUSOR_COMMON_SOURCES
    Profile.h Profile.cpp
    MexicoTime.h MexicoTime.cpp
    Settings.h Settings.cpp
    Tr.h
    Translations.h Translations.cpp
)
