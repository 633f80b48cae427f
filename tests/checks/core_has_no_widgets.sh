#!/bin/sh
# Fails when any file under core/ includes a Qt Widgets, Gui-widget or Charts header.
core=${1:?core folder}
found=$(grep -rnE '#[[:space:]]*include[[:space:]]*<(QtWidgets|QtCharts|QtGui/QWidget|QWidget|QApplication|QMainWindow|QDialog|QMessageBox|QChart|QChartView|QLineSeries)[/>]' "$core")
if [ -n "$found" ]; then
    echo "core/ must not include widgets or charts:"
    echo "$found"
    exit 1
fi
echo "core/ includes no widget or chart header"
