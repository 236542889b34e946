# asm.report: scripts/asm --report on report_fixture.cpp writes the counts, ratio, calls and
# allocations that the fixture's comments state, a side-by-side diff and an objdump view.
# cmake -DSCRIPT=scripts/asm -DCXX=<compiler> -DSOURCE=report_fixture.cpp -DOUT=<dir> -P report.cmake
cmake_minimum_required(VERSION 3.21)  # IN_LIST
file(REMOVE_RECURSE ${OUT})  # nothing left from an earlier run can make this pass
execute_process(
  COMMAND bash ${SCRIPT} --report --compiler ${CXX} --objdump --out ${OUT}
    --reference multiply_add_reference ${SOURCE} multiply_add tail_call allocates
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "scripts/asm --report failed: ${status}")
endif()

# One row per function: instructions, ratio, calls, allocations, callees.
file(READ ${OUT}/summary.tsv rows)
string(REPLACE "\n" ";" rows "${rows}")
set(expected
  "multiply_add_reference|4|reference|0|0|"
  "multiply_add|3|0.75|0|0|"
  "tail_call|1|0.25|1|0|opaque ×1")
foreach(row IN LISTS rows)
  string(REPLACE "\t" "|" row "${row}")
  string(REGEX REPLACE "^[^|]*\\|(.*)$" "\\1" row "${row}")  # less the source
  list(APPEND found "${row}")
endforeach()
foreach(row IN LISTS expected)
  if(NOT row IN_LIST found)
    list(JOIN found "\n" found_text)
    message(FATAL_ERROR "summary.tsv lacks the row\n${row}\nit has\n${found_text}")
  endif()
endforeach()
list(FILTER found INCLUDE REGEX "^allocates\\|[0-9]+\\|[0-9.]+\\|[1-9][0-9]*\\|[1-9][0-9]*\\|operator new")
if(NOT found)
  message(FATAL_ERROR "summary.tsv does not show allocates calling operator new")
endif()

# The listing, the diff against the reference (one column each) and the disassembly.
file(READ ${OUT}/multiply_add.s listing)
if(NOT listing MATCHES "\tmulsd\t[^\n]*\n\taddsd\t[^\n]*\n\tret" OR listing MATCHES "\n\\.|\n\t\\.")
  message(FATAL_ERROR "multiply_add.s is not mulsd, addsd, ret without directives:\n${listing}")
endif()
file(READ ${OUT}/multiply_add.diff diff)
if(NOT diff MATCHES "^multiply_add\\(double, double, double\\): +\\| +multiply_add_reference\\("
   OR NOT diff MATCHES "# multiply_add: 3 instructions +\\| +# multiply_add_reference: 4 instructions")
  message(FATAL_ERROR "multiply_add.diff is not a side-by-side diff against the reference:\n${diff}")
endif()
if(EXISTS ${OUT}/multiply_add_reference.diff)
  message(FATAL_ERROR "the reference was diffed against itself")
endif()
file(READ ${OUT}/multiply_add.objdump disassembly)
if(NOT disassembly MATCHES "<multiply_add\\(double, double, double\\)>:\n[^\n]*mulsd")
  message(FATAL_ERROR "multiply_add.objdump is not its disassembly:\n${disassembly}")
endif()
