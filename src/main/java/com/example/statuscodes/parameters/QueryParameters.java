package com.example.statuscodes.parameters;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Numbers in query parameters are plain decimal digits ({@link PlainDecimal}) for every controller. An editor, not a
 * {@code Converter}: when a converter refuses a value, Spring's binder falls back to its default number editor, which
 * reads {@code 0x10} as 16 again.
 */
@ControllerAdvice
class QueryParameters {

    @InitBinder
    void plainDecimalNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(int.class, new PlainDecimal(Integer::valueOf));
        binder.registerCustomEditor(Integer.class, new PlainDecimal(Integer::valueOf));
        binder.registerCustomEditor(long.class, new PlainDecimal(Long::valueOf));
        binder.registerCustomEditor(Long.class, new PlainDecimal(Long::valueOf));
    }
}
