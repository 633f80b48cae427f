#!/bin/sh
# Test script for runScript(): prints each argument in brackets on one line.
for a in "$@"; do
    printf '[%s]' "$a"
done
printf '\n'
