package io.credence.platform.internal.web;

import io.credence.platform.ApiProblemException;
import io.credence.platform.PortalController;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of {@link PortalController} pages become the portal's error page (templates/error.html)
 * with the right status: a problem's own message for 4xx, a generic text for anything unexpected
 * (logged here with its stack trace). Runs before the API's problem handler.
 */
@ControllerAdvice(annotations = PortalController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrorPages {

  private static final Logger log = LoggerFactory.getLogger(PortalErrorPages.class);

  @ExceptionHandler(ApiProblemException.class)
  ModelAndView problem(ApiProblemException e, HttpServletResponse response) {
    return page(e.status().value(), e.getMessage(), response);
  }

  /** Framework errors keep their status (405, 404 …); bad parameters are 400; the rest 500. */
  @ExceptionHandler(Exception.class)
  ModelAndView other(Exception e, HttpServletResponse response) {
    if (e instanceof ErrorResponse framework) {
      return page(framework.getStatusCode().value(), null, response);
    }
    if (e instanceof TypeMismatchException || e instanceof HttpMessageNotReadableException) {
      return page(HttpStatus.BAD_REQUEST.value(), null, response);
    }
    log.error("portal page failed", e);
    return page(HttpStatus.INTERNAL_SERVER_ERROR.value(), null, response);
  }

  private static ModelAndView page(int status, String detail, HttpServletResponse response) {
    response.setStatus(status);
    ModelAndView view = new ModelAndView("error");
    view.setStatus(HttpStatus.valueOf(status));
    view.addObject("status", status);
    view.addObject("detail", detail);
    return view;
  }
}
