# The "Exportar" page: the memoria técnica as a BagIt package (core/export).
set(DIFUSOR_UI_EXPORT_SOURCES
    pages/export/ExportPage.h pages/export/ExportPage.cpp
)
