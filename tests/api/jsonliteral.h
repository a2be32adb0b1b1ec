// SPDX-License-Identifier: MIT
#pragma once

// JSON(...) turns the tokens into a string literal: JSON({"message":"hi"}). Test classes use it
// instead of raw strings, which moc 6.4 mis-parses inside a Q_OBJECT class body.
#define JSON(...) #__VA_ARGS__
