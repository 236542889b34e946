# examples/check_exit.cmake: runs COMMAND (a ;-list) and fails unless it exits with EXIT and its
# output (stdout and stderr) matches OUTPUT: an example's --help exits 0, an unknown option 2.
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code STREQUAL EXIT)
  message(FATAL_ERROR "${COMMAND}: exit code ${code}, expected ${EXIT}\n${out}${err}")
endif()
if(NOT "${out}${err}" MATCHES "${OUTPUT}")
  message(FATAL_ERROR "${COMMAND}: output does not match '${OUTPUT}':\n${out}${err}")
endif()
